/**
 * The catalogue's model, storage, matching, forms, values and benchmarks.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.catalogue.internal;
