package io.mqrunbooks.platform.security;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * A caller is known by their user id exactly as the identity store holds it. MariaDB compares text ignoring
 * trailing blanks (PAD SPACE, Camunda's binary-collated identity tables included), and a directory may ignore
 * case: "lead " or "LEAD" with lead's password would pass the password check as another name for lead, and
 * four-eyes, which compares names, would take it for someone else.
 */
final class StoredUserIds {

    private StoredUserIds() {
    }

    /** Whether {@code userId} is, character for character, the id of a user in the identity store. */
    static boolean isStored(IdentityService identity, String userId) {
        return stored(identity, userId).isPresent();
    }

    /** The stored user whose id is, character for character, {@code userId}. */
    static Optional<User> stored(IdentityService identity, String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user != null && userId.equals(user.getId()) ? Optional.of(user) : Optional.empty();
    }
}
