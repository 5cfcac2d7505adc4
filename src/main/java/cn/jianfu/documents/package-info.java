/**
 * The documents module reads official documents and finds their relatives: relays,
 * bundles, renames and duplicates.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.documents;
