/**
 * The text module is a shared kernel of pure functions over Chinese text: normalisation,
 * character shingles and MinHash.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.text;
