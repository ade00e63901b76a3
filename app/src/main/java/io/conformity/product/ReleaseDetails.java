package io.conformity.product;

/** A release together with what a declaration says about its product and manufacturer. */
public record ReleaseDetails(ReleaseView release, ProductView product, ManufacturerView manufacturer) {}
