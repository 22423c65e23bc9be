package cn.baojiaolou.loan.district;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.district.District;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.common.GeneratedKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class DistrictService {

    private final DistrictMapper districts;
    private final AuditTrail audit;

    public DistrictService(DistrictMapper districts, AuditTrail audit) {
        this.districts = districts;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize(Authorities.ADMIN)
    public District create(String code, String name) {
        if (districts.findByCodeOrName(code) != null || districts.findByCodeOrName(name) != null) {
            throw Refusal.conflict("district.exists", code);
        }
        GeneratedKey key = new GeneratedKey();
        districts.insert(code, name, key);
        District created = new District(key.getId(), code, name);
        audit.write("DISTRICT_CREATED", "district", code, null, created);
        return created;
    }

    /** Resolves a district named in a request body, by code (431102) or name (零陵区). */
    public District require(String codeOrName) {
        District d = districts.findByCodeOrName(codeOrName);
        if (d == null) {
            throw Refusal.ruleOnField("district", "district.unknown", codeOrName);
        }
        return d;
    }

    public List<District> all() {
        return districts.findAll();
    }
}
