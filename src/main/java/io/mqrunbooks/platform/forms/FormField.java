package io.mqrunbooks.platform.forms;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One input of a Camunda Form: its key (the process variable it reads and writes), its component type and
 * the rules the form declares for it.
 *
 * @param values    the allowed values of a radio or select; empty for other types (and for an inventory select)
 * @param inventory for a select filled from the inventory, which names it offers; else null
 */
public record FormField(String key, String label, String type, boolean readonly, boolean required,
                        Pattern pattern, Integer minLength, Integer maxLength, Double min, Double max,
                        List<String> values, InventoryChoice inventory) {

    public FormField {
        values = List.copyOf(values);
    }

    /** A choice between fixed values (radio, select). */
    public boolean isChoice() {
        return "radio".equals(type) || "select".equals(type);
    }

    /**
     * Several values (taglist, checklist): submitted as a list, or as text separated by commas or blanks; kept as
     * one text of the names separated by commas.
     */
    public boolean isMultiple() {
        return "taglist".equals(type) || "checklist".equals(type);
    }

    public boolean isText() {
        return "textfield".equals(type) || "textarea".equals(type);
    }
}
