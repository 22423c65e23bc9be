package cn.baojiaolou.loan.district;

import cn.baojiaolou.loan.domain.district.District;

import cn.baojiaolou.loan.common.Code;
import cn.baojiaolou.loan.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/districts")
class DistrictController {

    private final DistrictService service;

    DistrictController(DistrictService service) {
        this.service = service;
    }

    record DistrictRequest(@NotBlank @Code String code, @NotBlank @Size(max = 64) @SafeText String name) {
    }

    @GetMapping
    List<District> list() {
        return service.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    District create(@Valid @RequestBody DistrictRequest request) {
        return service.create(request.code(), request.name());
    }
}
