package io.conformity.declaration.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.conformity.declaration.DeclarationView;
import io.conformity.declaration.RegisterEntry;
import io.conformity.web.WebProperties;

/** Register entries as clients see them, with the download address of the issued file at the public URL. */
@Component
class RegisterLinks {

    private final WebProperties web;

    RegisterLinks(WebProperties web) {
        this.web = web;
    }

    RegisterEntry entry(DeclarationView declaration) {
        return RegisterEntry.of(declaration, pdf(declaration.id()));
    }

    private URI pdf(UUID id) {
        return UriComponentsBuilder.fromUriString(web.publicUrl())
                .path("/api/v1/declarations/{id}/pdf")
                .buildAndExpand(id)
                .toUri();
    }
}
