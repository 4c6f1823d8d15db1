package no.purreflyt.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/settings/delivery}: whether inkassovarsler go by e-mail; the answer carries the law's warning. */
@RestController
@RequestMapping("/api/settings/delivery")
class DeliverySettingsController {

    record Change(@NotNull Boolean inkassovarselByEmail) {
    }

    private final DeliverySettings settings;

    DeliverySettingsController(DeliverySettings settings) {
        this.settings = settings;
    }

    @GetMapping
    DeliverySettings.View get() {
        return settings.view();
    }

    @PutMapping
    DeliverySettings.View change(@Valid @RequestBody Change change, Principal principal) {
        return settings.change(change.inkassovarselByEmail(), principal.getName());
    }
}
