package io.conformity.declaration.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.conformity.assessment.OpeningRule;
import io.conformity.declaration.DeclarationStatus;
import io.conformity.problem.InvalidInputException;
import io.conformity.problem.ProblemException;
import io.conformity.problem.ProblemType;

/**
 * A release has at most one current statement per regime: a new assessment of a release that already has one says
 * which it supersedes, or is refused naming it. Depends on the repository only, so the assessment module can hold
 * it without a cycle through {@link DeclarationService}.
 */
@Component
@Transactional(readOnly = true)
class SupersessionRule implements OpeningRule {

    private final DeclarationRepository declarations;

    SupersessionRule(DeclarationRepository declarations) {
        this.declarations = declarations;
    }

    @Override
    public void check(UUID releaseId, List<String> regimes, List<UUID> supersedes) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Declaration> named = new ArrayList<>();
        for (int i = 0; i < supersedes.size(); i++) {
            UUID id = supersedes.get(i);
            Optional<Declaration> found =
                    declarations.findById(id).filter(d -> d.releaseId().equals(releaseId));
            String pointer = "/supersedes/" + i;
            if (found.isEmpty()) {
                errors.add(InvalidInputException.at(pointer, "is not a declaration of release " + releaseId));
            } else if (!regimes.contains(found.get().regime())) {
                errors.add(InvalidInputException.at(
                        pointer,
                        "is a " + found.get().regime() + " declaration; the assessment is opened under "
                                + String.join(", ", regimes)));
            } else {
                named.add(found.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The declarations to supersede must be of the release and of a chosen regime.", errors);
        }
        for (Declaration declaration : named) {
            if (declaration.status() != DeclarationStatus.ISSUED) {
                // Superseded or withdrawn is final: the same call the issuance would make refuses it.
                declaration.requireIssued("supersede");
            }
        }
        requireStated(releaseId, regimes, supersedes);
    }

    /** Every issued statement of the release under one of the regimes is among {@code supersedes}. */
    void requireStated(UUID releaseId, List<String> regimes, List<UUID> supersedes) {
        List<Declaration> unstated = declarations
                .findByReleaseIdAndStatusAndRegimeInOrderByIssuedAtAscIdAsc(
                        releaseId, DeclarationStatus.ISSUED, regimes)
                .stream()
                .filter(d -> !supersedes.contains(d.id()))
                .toList();
        if (unstated.isEmpty()) {
            return;
        }
        List<Map<String, Object>> named = unstated.stream()
                .map(d -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", d.id());
                    entry.put("regime", d.regime());
                    entry.put("issuedAt", d.issuedAt().toString());
                    return entry;
                })
                .toList();
        throw new ProblemException(
                ProblemType.DECLARATION_EXISTS,
                "Release " + releaseId + " already has an issued statement: "
                        + String.join(
                                "; ",
                                unstated.stream()
                                        .map(d -> d.regime() + " declaration " + d.id() + " issued on "
                                                + LocalDate.ofInstant(d.issuedAt(), ZoneOffset.UTC))
                                        .toList())
                        + ". A new statement replaces it only when the assessment states so: open it with"
                        + " \"supersedes\": ["
                        + String.join(
                                ", ",
                                unstated.stream().map(d -> "\"" + d.id() + "\"").toList())
                        + "].",
                Map.of("declarations", named));
    }
}
