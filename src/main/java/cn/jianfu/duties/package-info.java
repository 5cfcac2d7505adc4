/**
 * The duties module keeps responsibility together with authority: the duty lists of
 * townships and the admission lists and certificates of villages (checked at the gate,
 * and cited when the grassroots refuse a demand), and the register of delegated powers
 * with the service cases whose steps it assigns, on deadlines in working days.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.duties;
