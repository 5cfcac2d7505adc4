package cn.jianfu.org;

/**
 * An office inside a unit, working in one field (民政, 应急, 农业农村 …).
 */
public record Department(long id, String unitCode, String name, String field) {
}
