/**
 * The text module is a shared kernel of pure functions over Chinese text: charset
 * detection, normalisation (full/half-width folding, Traditional to Simplified), mojibake
 * detection, character shingles and one-permutation MinHash.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.text;
