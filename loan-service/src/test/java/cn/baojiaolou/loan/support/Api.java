package cn.baojiaolou.loan.support;

import cn.baojiaolou.loan.user.LoanUser;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** HTTP calls as a real user over HTTP Basic (the password is checked by BCrypt, as in production). */
@TestComponent
public class Api {

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public ResultActions get(LoanUser user, String path, Object... vars) throws Exception {
        return mvc.perform(auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path, vars),
                user));
    }

    /** A POST with a fresh Idempotency-Key. */
    public ResultActions post(LoanUser user, String path, String json) throws Exception {
        return post(user, path, json, UUID.randomUUID().toString());
    }

    /** A POST with the given Idempotency-Key (null = none). */
    public ResultActions post(LoanUser user, String path, String json, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder req = auth(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(path), user).contentType(MediaType.APPLICATION_JSON).content(json);
        if (idempotencyKey != null) {
            req.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(req);
    }

    public MockMvc mvc() {
        return mvc;
    }

    private static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder req, LoanUser user) {
        return user == null ? req : req.with(httpBasic(user.username(), Fixtures.PASSWORD));
    }
}
