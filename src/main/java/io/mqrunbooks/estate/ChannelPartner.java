package io.mqrunbooks.estate;

/**
 * A partner of seed 000's DR appendix: who must repoint a channel when the backup takes over.
 *
 * @param partner                the organisation or team
 * @param contact                how to reach them (name, phone, mail)
 * @param queueManager           our queue manager whose sender channel goes to them
 * @param channel                the sender channel name
 * @param drConname              the CONNAME to use in DR, e.g. {@code dr-gw.bank.example(1414)}
 * @param firewallTicketTemplate the ticket text, with {placeholders} filled in at DR time
 */
public record ChannelPartner(String partner, String contact, String queueManager, String channel,
                             String drConname, String firewallTicketTemplate) {
}
