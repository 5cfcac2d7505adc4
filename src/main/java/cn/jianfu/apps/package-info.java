/**
 * The apps module registers the apps, mini-programs and work groups that grassroots staff
 * must use, through the gate as APP demands, refuses forbidden features and sponsors
 * below county level, and counts apps per person.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.apps;
