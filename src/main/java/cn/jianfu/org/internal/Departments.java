package cn.jianfu.org.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jianfu.org.Department;
import cn.jianfu.org.Scope;

/**
 * The departments table; reads for a person are limited to departments of units in scope.
 */
@Repository
public class Departments {

	private final JdbcClient jdbc;

	public Departments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Department> ofUnit(Scope scope, String unitCode) {
		return this.jdbc
			.sql("select d.id, d.unit_code, d.name, d.field from department d join unit u on u.code = d.unit_code"
					+ " where d.unit_code = :unit and u.path like :scope order by d.id")
			.param("unit", unitCode)
			.param("scope", scope.pathPattern())
			.query(Department.class)
			.list();
	}

	public Optional<Department> findUnscoped(String unitCode, String name) {
		return this.jdbc
			.sql("select id, unit_code, name, field from department where unit_code = :unit and name = :name")
			.param("unit", unitCode)
			.param("name", name)
			.query(Department.class)
			.optional();
	}

	public Department add(String unitCode, String name, String field) {
		return findUnscoped(unitCode, name).orElseGet(() -> {
			this.jdbc.sql("insert into department (unit_code, name, field) values (:unit, :name, :field)")
				.param("unit", unitCode)
				.param("name", name)
				.param("field", field)
				.update();
			return findUnscoped(unitCode, name).orElseThrow();
		});
	}

}
