/**
 * The platform module is the shared kernel every other module may use: errors as
 * bilingual problems, messages in Chinese and English, the command line and its benchmark
 * suites, the data directory, safe logging and SM3/SM4 cryptography.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.platform;
