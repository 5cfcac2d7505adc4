/**
 * The catalogue module keeps every figure once, keyed by indicator, unit and period, so
 * that no form asks for data already held.
 * <p>
 * Indicators, matching, data-request forms and their gate checks, data entry by the
 * grassroots with pre-fill, the roll-up and the departments' pull API: see
 * {@code docs/catalogue.md}.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.catalogue;
