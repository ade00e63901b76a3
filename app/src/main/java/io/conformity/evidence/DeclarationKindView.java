package io.conformity.evidence;

import java.util.List;

/** A kind of structured declaration and the provisions it evidences. */
public record DeclarationKindView(String kind, String schemaId, String title, List<Provision> provisions) {}
