package cn.baojiaolou.loan.district;

import cn.baojiaolou.loan.domain.district.District;

import cn.baojiaolou.loan.common.GeneratedKey;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

@Mapper
public interface DistrictMapper {

    @Select("SELECT id, code, name FROM district WHERE code = #{key} OR name = #{key}")
    District findByCodeOrName(String key);

    @Select("SELECT id, code, name FROM district WHERE id = #{id}")
    District findById(long id);

    @Select("SELECT id, code, name FROM district ORDER BY code")
    List<District> findAll();

    @Insert("INSERT INTO district (code, name) VALUES (#{code}, #{name})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id")
    void insert(@Param("code") String code, @Param("name") String name, @Param("key") GeneratedKey key);
}
