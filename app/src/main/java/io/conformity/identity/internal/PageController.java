package io.conformity.identity.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page for local accounts (the pages after it are the ui module's). */
@Controller
@Hidden
class PageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @GetMapping("/login")
    @ResponseBody
    ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String changed) {
        String message = error != null
                ? "Wrong user name or password."
                : signedOut != null
                        ? "You have signed out."
                        : changed != null ? "Your password was changed: sign in with the new one." : null;
        return ResponseEntity.ok().contentType(HTML).body(Pages.login(request, message, error != null));
    }
}
