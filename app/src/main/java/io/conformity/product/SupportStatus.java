package io.conformity.product;

/** Whether the manufacturer still gives the product security updates, as the daily support-period watch found. */
public enum SupportStatus {
    IN_SUPPORT,
    /** The support period ended: no new assessment is opened and no declaration issued until it is extended. */
    OUT_OF_SUPPORT
}
