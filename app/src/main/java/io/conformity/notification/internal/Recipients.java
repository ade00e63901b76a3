package io.conformity.notification.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.conformity.identity.Role;
import io.conformity.identity.UserView;

/**
 * Who is told: the product's members who hold one of the roles concerned. Being a member alone is not enough (an
 * engineer is not reminded of a signatory's task), nor is the role alone (another product's officers are not told).
 */
final class Recipients {

    private Recipients() {}

    /**
     * @param members  the user names of the product's members
     * @param accounts the accounts of (at least) those members
     * @return the members' user names, in their order, whose accounts hold any of {@code roles}
     */
    static List<String> of(Collection<String> members, Collection<UserView> accounts, Set<Role> roles) {
        return members.stream()
                .distinct()
                .filter(member -> accounts.stream()
                        .anyMatch(account -> account.username().equals(member)
                                && account.roles().stream().anyMatch(roles::contains)))
                .toList();
    }
}
