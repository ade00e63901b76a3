package io.conformity.ui.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** After a form's change, 303 to the page that shows the result: a reload then reads, it does not post again. */
final class Redirects {

    private Redirects() {}

    static ModelAndView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        // Model attributes (the viewer) must not leak into the address as query parameters.
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
