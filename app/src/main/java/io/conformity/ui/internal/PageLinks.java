package io.conformity.ui.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Another page of the list being shown ({@code ${@pageLinks.to(n)}}): the current address with only its
 * {@code page} parameter changed, so whatever filters the list keeps them.
 */
@Component("pageLinks")
class PageLinks {

    public String to(int page) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(query)
                .replaceQueryParam("page", page)
                .build(true)
                .toUriString();
    }
}
