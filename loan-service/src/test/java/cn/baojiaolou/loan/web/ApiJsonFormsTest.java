package cn.baojiaolou.loan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.baojiaolou.loan.support.DatabaseTest;
import cn.baojiaolou.loan.support.Fixtures;
import cn.baojiaolou.loan.user.LoanUser;
import cn.baojiaolou.loan.user.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The forms the API writes: amounts as decimal strings, stored UTC instants as Beijing time with +08:00. */
@DatabaseTest
class ApiJsonFormsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private JsonNode read(LoanUser user, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic(user.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void amountsAreDecimalStringsWithTwoDecimalsAndZeroIsZeroPointZeroZero() throws Exception {
        String code = fx.facility(Fixtures.yuan("12345678901.23"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        JsonNode view = read(fx.user(Role.AUDITOR, null), "/api/v1/facilities/" + code);

        // 12,345,678,901.23 元 is beyond what a double keeps to the fen in every client: a string keeps it exact
        assertThat(view.at("/facility/amount").isString()).isTrue();
        assertThat(view.at("/facility/amount").asString()).isEqualTo("12345678901.23");
        assertThat(view.at("/facility/annualRate").asString()).isEqualTo("0.028000");
        // nothing drawn: the 专户 holds 0.00, never "0" or 0
        assertThat(view.at("/drawn").asString()).isEqualTo("0.00");
        assertThat(view.at("/availableBalance").asString()).isEqualTo("0.00");
    }

    @Test
    void timesAreBeijingTimeWithTheirOffset() throws Exception {
        LoanUser auditor = fx.user(Role.AUDITOR, null);
        String code = fx.facility(Fixtures.yuan("1000000.00"), "0.028", LocalDate.of(2023, 1, 1),
                LocalDate.of(2027, 12, 31));
        LocalDateTime storedUtc = jdbc.queryForObject("SELECT MAX(occurred_at) FROM audit_event WHERE target_id = ?",
                LocalDateTime.class, code);
        JsonNode events = read(auditor, "/api/v1/audit-events?targetId=" + code);

        String written = events.at("/0/occurredAt").asString();
        assertThat(written).endsWith("+08:00");
        // the same instant: the stored UTC wall time, eight hours on
        assertThat(OffsetDateTime.parse(written).toInstant()).isEqualTo(storedUtc.toInstant(ZoneOffset.UTC));
        assertThat(OffsetDateTime.parse(written).toLocalDateTime()).isEqualTo(storedUtc.plusHours(8));
    }
}
