package io.conformity.product.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.conformity.identity.CurrentUser;
import io.conformity.identity.IdentityApi;
import io.conformity.identity.Role;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.ProductScope;

/**
 * Who may read and act on which product. Every module's service asks through {@code ProductApi}, which asks here:
 * this class is the only place the decision is made.
 *
 * <p>Engineers, compliance officers and signatories work on the products they are members of; for any other product
 * they get the same 404 as for an id that does not exist, so membership leaks nothing. Administrators read every
 * product's records (they manage its members, issuance incidents and retention) but act on none through their
 * administrator role. Every other role (regulators) gets 403. No caller at all is the application itself: the
 * engine's background jobs and start-up work, which act for whoever started them.
 */
@Component
class ProductAccess {

    static final Set<Role> PRODUCT_ROLES = EnumSet.of(Role.ENGINEER, Role.COMPLIANCE_OFFICER, Role.SIGNATORY);

    private final IdentityApi identity;
    private final ProductMemberRepository members;

    ProductAccess(IdentityApi identity, ProductMemberRepository members) {
        this.identity = identity;
        this.members = members;
    }

    /**
     * The decision itself, given whether the user is a member of the product. Credentials narrower than the account
     * (a pipeline's API token bound to one product) narrow it here and only here, so lists and single reads agree.
     */
    private static boolean permits(CurrentUser user, UUID productId, boolean member) {
        // A personal API token bound to one product reaches no other, whatever its owner's memberships.
        return member && worksOnProducts(user) && user.mayActOnProduct(productId.toString());
    }

    boolean mayActOn(CurrentUser user, UUID productId) {
        return permits(user, productId, members.existsByProductIdAndUsername(productId, user.username()));
    }

    /** Reads of one product's records: administrators and members; {@code notFound} for anyone else's product. */
    void requireReader(UUID productId, Supplier<? extends ProblemException> notFound) {
        Optional<CurrentUser> caller = identity.caller();
        if (caller.isEmpty() || caller.get().has(Role.ADMIN)) {
            return;
        }
        requireWorksOnProducts(caller.get());
        if (!mayActOn(caller.get(), productId)) {
            throw notFound.get();
        }
    }

    /** Changes to one product's records: members only, whatever other roles they hold. */
    void requireMember(UUID productId, Supplier<? extends ProblemException> notFound) {
        Optional<CurrentUser> caller = identity.caller();
        if (caller.isEmpty()) {
            return;
        }
        requireWorksOnProducts(caller.get());
        if (!mayActOn(caller.get(), productId)) {
            throw notFound.get();
        }
    }

    /** Reads of shared product data not owned by one product (manufacturers): anyone who may read some product. */
    void requireProductReader() {
        identity.caller().filter(user -> !user.has(Role.ADMIN)).ifPresent(ProductAccess::requireWorksOnProducts);
    }

    /** The products whose records the caller may read. */
    ProductScope scope(Function<Set<UUID>, Set<UUID>> releasesOf) {
        Optional<CurrentUser> caller = identity.caller();
        if (caller.isEmpty() || caller.get().has(Role.ADMIN)) {
            return ProductScope.all();
        }
        CurrentUser user = caller.get();
        requireWorksOnProducts(user);
        Set<UUID> visible = members.findProductIdsByUsername(user.username()).stream()
                .filter(productId -> permits(user, productId, true))
                .collect(Collectors.toSet());
        return new ProductScope(false, visible, releasesOf.apply(visible));
    }

    Optional<CurrentUser> caller() {
        return identity.caller();
    }

    private static boolean worksOnProducts(CurrentUser user) {
        return user.roles().stream().anyMatch(PRODUCT_ROLES::contains);
    }

    private static void requireWorksOnProducts(CurrentUser user) {
        if (!worksOnProducts(user)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your roles do not allow this action.");
        }
    }
}
