/**
 * The shell module is the web front door: the layout every page shares, the sign-in page,
 * the home page and the error pages.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.shell;
