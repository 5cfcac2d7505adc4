/**
 * The apps module registers the apps and work groups that grassroots staff must use and
 * rejects forbidden features.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.apps;
