package io.conformity.ui.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page everyone lands on after signing in. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "ui/home";
    }
}
