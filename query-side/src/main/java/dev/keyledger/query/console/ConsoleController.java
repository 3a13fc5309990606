package dev.keyledger.query.console;

import dev.keyledger.infrastructure.access.PublicEndpoint;
import dev.keyledger.infrastructure.api.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Serves the console at /console/: the page and the files of {@link ConsoleAssets}, each with headers that keep it
 * from being framed, sniffed, or from loading or running anything that is not one of these files.
 */
@RestController
class ConsoleController {

    /** No inline script or style, no eval, nothing from another origin; the page talks only to its own origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final String PAGE = "index.html";

    private final ConsoleAssets assets;

    ConsoleController(ConsoleAssets assets) {
        this.assets = assets;
    }

    @GetMapping("/console")
    @PublicEndpoint("a redirect to the console's page, which is public like any sign-in page")
    ResponseEntity<Void> withoutSlash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/console/")).build();
    }

    @GetMapping("/console/")
    @PublicEndpoint("the console's page holds no data: it signs in through /oauth2/token and reads the admin API")
    ResponseEntity<?> page(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(PAGE, ifNoneMatch);
    }

    @GetMapping("/console/{name}")
    @PublicEndpoint("the console's scripts and styles, from a fixed list built into the jar; they hold no data")
    ResponseEntity<?> file(@PathVariable String name,
                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(name, ifNoneMatch);
    }

    private ResponseEntity<?> serve(String name, String ifNoneMatch) {
        return assets.find(name)
                .<ResponseEntity<?>>map(asset -> answer(asset, ifNoneMatch))
                .orElseGet(() -> hardened(ResponseEntity.status(HttpStatus.NOT_FOUND))
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such console file")));
    }

    private static ResponseEntity<?> answer(ConsoleAsset asset, String ifNoneMatch) {
        if (asset.entityTag().equals(ifNoneMatch)) {
            return hardened(ResponseEntity.status(HttpStatus.NOT_MODIFIED)).eTag(asset.entityTag()).build();
        }
        return hardened(ResponseEntity.ok())
                .eTag(asset.entityTag())
                .contentType(asset.mediaType())
                .body(asset.content());
    }

    /** Revalidated on every load (a new jar must not run with an old script beside it), cheap thanks to the tag. */
    private static ResponseEntity.BodyBuilder hardened(ResponseEntity.BodyBuilder builder) {
        return builder
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
