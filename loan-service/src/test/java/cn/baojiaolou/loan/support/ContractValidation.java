package cn.baojiaolou.loan.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The contract test: every /api exchange any MockMvc test of the shared context makes is checked against the served
 * /v3/api-docs. A response that drifts from the document (an undocumented status, a field of another type, a
 * missing required field, another media type) fails the test that made it. Requests are checked when the service
 * accepted them (2xx): the tests send invalid requests on purpose, and those must be refused, not documented.
 */
@TestComponent
public class ContractValidation implements MockMvcBuilderCustomizer {

    /** How many exchanges were checked (ContractCoverageTest reads it). */
    public static final AtomicInteger CHECKED = new AtomicInteger();

    private final WebApplicationContext context;
    private volatile OpenApiInteractionValidator validator;

    public ContractValidation(WebApplicationContext context) {
        this.context = context;
    }

    @Override
    public void customize(ConfigurableMockMvcBuilder<?> builder) {
        builder.alwaysDo(this::check);
    }

    private void check(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        if (!path.startsWith("/api/")) {
            return;
        }
        MockHttpServletResponse response = result.getResponse();
        boolean accepted = response.getStatus() >= 200 && response.getStatus() < 300;
        ValidationReport report = validator().validate(request(request), response(response));
        List<ValidationReport.Message> problems = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
                .toList();
        CHECKED.incrementAndGet();
        if (!problems.isEmpty()) {
            throw new AssertionError("the exchange drifts from the API contract: " + request.getMethod() + " " + path
                    + " → " + response.getStatus() + "\n" + problems.stream()
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\nresponse: " + abbreviated(response.getContentAsString(StandardCharsets.UTF_8)));
        }
    }

    private OpenApiInteractionValidator validator() throws Exception {
        if (validator == null) {
            synchronized (this) {
                if (validator == null) {
                    // a MockMvc of its own, without the security filters: the document as the service serves it
                    String doc = MockMvcBuilders.webAppContextSetup(context).build().perform(get("/v3/api-docs"))
                            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(doc).build();
                }
            }
        }
        return validator;
    }

    private static Request request(MockHttpServletRequest r) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(r.getMethod(), r.getRequestURI());
        for (String name : Collections.list(r.getHeaderNames())) {
            b.withHeader(name, Collections.list(r.getHeaders(name)));
        }
        // a multipart request's parameters are its parts; other parameters are the query's (MockMvc's param())
        r.getParameterMap().forEach((name, values) -> {
            if (!isMultipart(r) || (r.getQueryString() != null && r.getQueryString().contains(name + "="))) {
                b.withQueryParam(name, values);
            }
        });
        if (r.getContentType() != null && !isMultipart(r)) {
            byte[] body = r.getContentAsByteArray();
            if (body != null && body.length > 0) {
                b.withBody(body);
            }
        }
        return b.build();
    }

    private static boolean isMultipart(MockHttpServletRequest r) {
        String type = r.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static com.atlassian.oai.validator.model.Response response(MockHttpServletResponse r) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(r.getStatus());
        for (String name : r.getHeaderNames()) {
            b.withHeader(name, r.getHeaders(name));
        }
        byte[] body = r.getContentAsByteArray();
        if (body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String abbreviated(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
