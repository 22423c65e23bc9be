package cn.baojiaolou.loan.project;

import org.springframework.security.access.prepost.PreAuthorize;
import cn.baojiaolou.loan.user.Authorities;
import cn.baojiaolou.loan.domain.project.Project;

import cn.baojiaolou.loan.audit.AuditTrail;
import cn.baojiaolou.loan.domain.Refusal;
import cn.baojiaolou.loan.user.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Finds a project the current user may see. Another district's project answers exactly like an unknown one
 * (404), so its existence is not leaked; the attempt is audited as a denied access.
 */
@Service
@PreAuthorize(Authorities.SIGNED_IN)
public class ProjectAccess {

    private final ProjectMapper projects;
    private final AuditTrail audit;

    public ProjectAccess(ProjectMapper projects, AuditTrail audit) {
        this.projects = projects;
        this.audit = audit;
    }

    public Project require(String code) {
        return visible(projects.findByCode(code), code);
    }

    public Project requireById(long id) {
        return visible(projects.findById(id), String.valueOf(id));
    }

    /** Like require, but a missing project named in a request body is a 422 on that field. */
    public Project requireReferenced(String field, String code) {
        Project p = projects.findByCode(code);
        if (p == null || !CurrentUser.canSeeDistrict(p.districtId())) {
            if (p != null) {
                deny(code);
            }
            throw Refusal.ruleOnField(field, "project.notFound", code);
        }
        return p;
    }

    private Project visible(Project p, String key) {
        if (p == null) {
            throw Refusal.notFound("project.notFound", key);
        }
        if (!CurrentUser.canSeeDistrict(p.districtId())) {
            deny(p.code());
            throw Refusal.notFound("project.notFound", key);
        }
        return p;
    }

    private void deny(String code) {
        audit.refusal(CurrentUser.username(), "ACCESS_DENIED", "project", code, AuditTrail.DENIED,
                "另一区县的项目");
    }
}
