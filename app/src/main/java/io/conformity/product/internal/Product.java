package io.conformity.product.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;
import io.conformity.product.AnnexItem;
import io.conformity.product.CraCategory;
import io.conformity.product.ProductView;
import io.conformity.product.SupportPeriodNotice;
import io.conformity.product.SupportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
class Product {

    @Id
    private UUID id;

    @Column(name = "manufacturer_id", nullable = false)
    private UUID manufacturerId;

    @Column(name = "model_designation", nullable = false, length = 200)
    private String modelDesignation;

    @Column(name = "product_type", nullable = false, length = 200)
    private String productType;

    @Column(name = "support_period_end", nullable = false)
    private LocalDate supportPeriodEnd;

    @Column(name = "support_period_url", length = 2000)
    private String supportPeriodUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "cra_category", nullable = false, length = 20)
    private CraCategory craCategory;

    @Column(name = "cra_annex_item_number")
    private Integer craAnnexItemNumber;

    @Column(name = "cra_annex_item_label", length = 300)
    private String craAnnexItemLabel;

    @Column(name = "first_supplied_on")
    private LocalDate firstSuppliedOn;

    @Column(name = "declared_support_period_end")
    private LocalDate declaredSupportPeriodEnd;

    /**
     * The end as it stood on the date of first supply, kept when it is first changed after that date (PSTI Schedule 4
     * (e) asks for this one); null while it has not changed since.
     */
    @Column(name = "support_period_end_at_first_supply")
    private LocalDate supportPeriodEndAtFirstSupply;

    /** The end date the officers were told is near; they are told again only about another end date. */
    @Column(name = "support_end_notice_for")
    private LocalDate supportEndNoticeFor;

    /** The day the support-period watch found the period over; null while in support. */
    @Column(name = "out_of_support_since")
    private LocalDate outOfSupportSince;

    protected Product() {}

    /**
     * @param latestEnd the latest support-period end accepted (today plus the configured horizon)
     * @throws InvalidInputException naming each field that breaks a rule
     */
    Product(
            UUID manufacturerId,
            String modelDesignation,
            String productType,
            LocalDate supportPeriodEnd,
            String supportPeriodUrl,
            CraCategory craCategory,
            AnnexItem craAnnexItem,
            LocalDate firstSuppliedOn,
            LocalDate latestEnd) {
        List<Map<String, Object>> errors = new ArrayList<>();
        errors.addAll(classificationErrors(craCategory, craAnnexItem));
        errors.addAll(supportPeriodErrors(supportPeriodEnd, firstSuppliedOn, latestEnd));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The product has " + errors.size() + " problem(s).", errors);
        }
        this.id = UUID.randomUUID();
        this.manufacturerId = manufacturerId;
        this.modelDesignation = modelDesignation;
        this.productType = productType;
        this.supportPeriodEnd = supportPeriodEnd;
        this.supportPeriodUrl = supportPeriodUrl;
        this.firstSuppliedOn = firstSuppliedOn;
        setClassification(craCategory, craAnnexItem);
    }

    UUID id() {
        return id;
    }

    UUID manufacturerId() {
        return manufacturerId;
    }

    /** A CRA category other than the default is the product's place in an annex list, so it names the item. */
    void classify(CraCategory category, AnnexItem item) {
        List<Map<String, Object>> errors = classificationErrors(category, item);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The CRA category of product " + id + " is incomplete.", errors);
        }
        setClassification(category, item);
    }

    /**
     * Moves the end of the support period. Once a declaration stated an end, an earlier one would break the promise
     * made to buyers (PSTI Schedule 1 para 3: a published period may be extended, never shortened).
     *
     * @param url the new publication address, or null to keep the current one
     */
    void changeSupportPeriod(LocalDate end, String url, LocalDate latestEnd, LocalDate today) {
        List<Map<String, Object>> errors = supportPeriodErrors(end, firstSuppliedOn, latestEnd);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The support period of product " + id + " cannot end then.", errors);
        }
        if (declaredSupportPeriodEnd != null && end.isBefore(declaredSupportPeriodEnd)) {
            throw new ProblemException(
                    ProblemType.SUPPORT_PERIOD_SHORTENED,
                    "A declaration on product " + modelDesignation + " states that its support period ends on "
                            + declaredSupportPeriodEnd + "; it may be extended but not shortened to " + end
                            + " (PSTI Schedule 1 paragraph 3).",
                    Map.of("declaredSupportPeriodEnd", declaredSupportPeriodEnd.toString()));
        }
        if (supportPeriodEndAtFirstSupply == null && firstSuppliedOn != null && !today.isBefore(firstSuppliedOn)) {
            supportPeriodEndAtFirstSupply = supportPeriodEnd;
        }
        this.supportPeriodEnd = end;
        if (!end.isBefore(today)) {
            // Extended past today: the manufacturer supports the product again.
            outOfSupportSince = null;
        }
        if (url != null) {
            this.supportPeriodUrl = url;
        }
    }

    /** A declaration states the end date: from now on the period may not end earlier than the latest one stated. */
    void supportPeriodDeclared(LocalDate end) {
        if (declaredSupportPeriodEnd == null || end.isAfter(declaredSupportPeriodEnd)) {
            declaredSupportPeriodEnd = end;
        }
    }

    /**
     * What the support-period watch finds today, recorded so that each notice is given once.
     *
     * @param notice how long before the end the officers are told
     * @return the notice to give, if any
     */
    Optional<SupportPeriodNotice.Kind> watch(LocalDate today, Period notice) {
        if (outOfSupportSince != null) {
            return Optional.empty();
        }
        if (supportPeriodEnd.isBefore(today)) {
            outOfSupportSince = today;
            return Optional.of(SupportPeriodNotice.Kind.ENDED);
        }
        if (!supportPeriodEnd.isAfter(today.plus(notice)) && !supportPeriodEnd.equals(supportEndNoticeFor)) {
            supportEndNoticeFor = supportPeriodEnd;
            return Optional.of(SupportPeriodNotice.Kind.ENDING_SOON);
        }
        return Optional.empty();
    }

    String modelDesignation() {
        return modelDesignation;
    }

    LocalDate supportPeriodEnd() {
        return supportPeriodEnd;
    }

    boolean outOfSupport() {
        return outOfSupportSince != null;
    }

    private void setClassification(CraCategory category, AnnexItem item) {
        this.craCategory = category;
        this.craAnnexItemNumber = item == null ? null : item.number();
        this.craAnnexItemLabel = item == null ? null : item.label().strip();
    }

    private static List<Map<String, Object>> classificationErrors(CraCategory category, AnnexItem item) {
        if (category.listed() && item == null) {
            return List.of(InvalidInputException.at(
                    "/craAnnexItem",
                    "required for a product in " + category.annex() + ": the item of that list the product falls"
                            + " under"));
        }
        if (!category.listed() && item != null) {
            return List.of(InvalidInputException.at(
                    "/craAnnexItem", "must be left out for a DEFAULT product, which no annex lists"));
        }
        return List.of();
    }

    private static List<Map<String, Object>> supportPeriodErrors(
            LocalDate end, LocalDate firstSupplied, LocalDate latestEnd) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (firstSupplied != null && !end.isAfter(firstSupplied)) {
            errors.add(InvalidInputException.at(
                    "/supportPeriodEnd",
                    "must be after the date the product was first supplied (" + firstSupplied + ")"));
        }
        if (end.isAfter(latestEnd)) {
            errors.add(InvalidInputException.at(
                    "/supportPeriodEnd",
                    "must be on or before " + latestEnd + ": a later end is beyond the horizon this installation"
                            + " accepts (conformity.product.support-period-horizon)"));
        }
        return errors;
    }

    ProductView view() {
        return new ProductView(
                id,
                manufacturerId,
                modelDesignation,
                productType,
                supportPeriodEnd,
                supportPeriodUrl,
                craCategory,
                craAnnexItemLabel == null ? null : new AnnexItem(craAnnexItemNumber, craAnnexItemLabel),
                firstSuppliedOn,
                declaredSupportPeriodEnd,
                supportPeriodEndAtFirstSupply == null ? supportPeriodEnd : supportPeriodEndAtFirstSupply,
                outOfSupportSince == null ? SupportStatus.IN_SUPPORT : SupportStatus.OUT_OF_SUPPORT,
                outOfSupportSince);
    }
}
