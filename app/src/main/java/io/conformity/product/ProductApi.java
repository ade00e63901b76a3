package io.conformity.product;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import io.conformity.problem.ProblemException;
import jakarta.validation.Valid;

/** Manufacturers, products and releases: who makes what, and which firmware is being certified. */
public interface ProductApi {

    ManufacturerView createManufacturer(@Valid CreateManufacturerCommand command);

    ManufacturerView manufacturer(UUID id);

    /** Manufacturers whose name contains {@code text} in any case ({@code null}: all), in the page's order. */
    Page<ManufacturerView> manufacturers(String text, Pageable pageable);

    ProductView createProduct(@Valid CreateProductCommand command);

    ProductView product(UUID id);

    /** Records where the Cyber Resilience Act places the product (category and annex item). */
    ProductView classify(UUID productId, @Valid ClassifyProductCommand command);

    /**
     * Moves the end of the product's support period: it must end after first supply and within the configured
     * horizon, and never before the end a declaration already stated.
     *
     * @throws io.conformity.problem.ProblemException {@code support-period-shortened} when it would end before the
     *     declared end
     */
    ProductView changeSupportPeriod(UUID productId, @Valid ChangeSupportPeriodCommand command);

    /**
     * A declaration on the product states this support-period end: from now on the period cannot end earlier.
     * Called in the transaction that approves or issues it, so a rollback forgets it too.
     */
    void supportPeriodDeclared(UUID productId, LocalDate end);

    /**
     * Products of one manufacturer ({@code null}: any) whose model designation or product type contains
     * {@code text} in any case ({@code null}: all), in the page's order.
     */
    Page<ProductView> products(UUID manufacturerId, String text, Pageable pageable);

    ReleaseView createRelease(UUID productId, @Valid CreateReleaseCommand command);

    ReleaseView release(UUID id);

    /** @throws io.conformity.problem.NotFoundException when there is no such product */
    Page<ReleaseView> releases(UUID productId, Pageable pageable);

    /** The ids of the product's releases; none for an unknown product. For other modules' filters by product. */
    List<UUID> releaseIds(UUID productId);

    /** The release with its product and manufacturer, as a declaration names them. */
    ReleaseDetails releaseDetails(UUID releaseId);

    /**
     * Takes the release's row lock for the rest of the caller's transaction: whoever issues a statement for a
     * release does so one at a time, so each sees the statements issued before it.
     */
    void lockRelease(UUID releaseId);

    /**
     * Records the product's answers to the conditions and features of an EN 303 645 version; replaces earlier
     * answers for that version. Refused unless every condition and feature is answered consistently.
     */
    ProfileView saveProfile(UUID productId, String version, @Valid ProfileCommand command, String updatedBy);

    /** @throws io.conformity.problem.NotFoundException when no profile exists for that version */
    ProfileView profile(UUID productId, String version);

    // Membership. Engineers, compliance officers and signatories work only on products they are members of; the
    // officer who creates a product becomes its first member; administrators add and remove members.

    /** The product's members by user name; readable by its members and by administrators. */
    List<MemberView> members(UUID productId);

    /**
     * Makes an existing user a member (administrators only); nothing changes when they already are.
     *
     * @return the membership and whether it is new
     * @throws io.conformity.problem.NotFoundException for an unknown product or user
     */
    Membership addMember(UUID productId, String username);

    /** @throws io.conformity.problem.NotFoundException when the user is no member of the product */
    void removeMember(UUID productId, String username);

    record Membership(MemberView member, boolean added) {}

    /**
     * The user names of the product's members; none for an unknown product. No access check: for other modules' own
     * work, such as choosing whom to notify, never to answer a request.
     */
    List<String> memberUsernames(UUID productId);

    /**
     * Lets the caller read the product's records, or throws: {@code notFound} (the error an unknown id of the
     * resource the caller asked for gets, so nothing leaks) when the caller works on other products, 403 when their
     * roles give no access to products. Every module asks this before reading a product's records.
     */
    void requireReader(UUID productId, Supplier<? extends ProblemException> notFound);

    /** As {@link #requireReader}, for changes: the caller must be a member (administrators included). */
    void requireMember(UUID productId, Supplier<? extends ProblemException> notFound);

    /** {@link #requireReader} for the product of a release; unknown releases get {@code notFound} too. */
    void requireReleaseReader(UUID releaseId, Supplier<? extends ProblemException> notFound);

    /** {@link #requireMember} for the product of a release; unknown releases get {@code notFound} too. */
    void requireReleaseMember(UUID releaseId, Supplier<? extends ProblemException> notFound);

    /** The products (and their releases) whose records the caller may read, for filtering lists. */
    ProductScope scope();
}
