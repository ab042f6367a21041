package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.omnifaces.util.Servlets;

/**
 * Pins what the pages' {@code Faces.redirect(target, values...)} (OmniFaces) does with a '%' in its target: a review
 * feared it formats every target with {@code String.format}, so that a URL-encoded target ("%2F") would be mangled or
 * fail. OmniFaces 4.7.1 does not: a target without values is used as it is (the related action's link), and values are
 * URL-encoded before they are put into the target's {@code %s} (the job page's uuid). {@code Faces.redirect} and
 * {@code Servlets.facesRedirect}, called here because it needs no FacesContext, share the code that builds the
 * address ({@code Servlets.prepareRedirectURL}); this test is there to fail if an upgrade changes it.
 */
class FacesRedirectTest {

    @Test
    void aTargetWithoutValues_isUsedAsItIs_percentSignsAndAll() {
        assertThat(redirectedTo("https://crm.example/orders/a%2Fb?note=100%25%20done"))
                .isEqualTo("https://crm.example/orders/a%2Fb?note=100%25%20done");
    }

    @Test
    void valuesPutIntoTheTarget_areUrlEncoded() {
        assertThat(redirectedTo(JobBacking.SELF, "a%2Fb c&d=1"))
                .isEqualTo("/queue-job/job.xhtml?uuid=a%252Fb+c%26d%3D1");
    }

    private static String redirectedTo(String target, Object... values) {
        List<String> locations = new ArrayList<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getContextPath" -> "/queue-job";
                    case "getHeader" -> null; // not a Faces Ajax request: a plain 302
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("sendRedirect")) {
                        locations.add((String) arguments[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Servlets.facesRedirect(request, response, target, values);
        assertThat(locations).hasSize(1);
        return locations.get(0);
    }
}
