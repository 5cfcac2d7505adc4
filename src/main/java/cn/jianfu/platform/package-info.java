/**
 * The platform module is the shared kernel every other module may use: errors as
 * bilingual problems, messages in Chinese and English, the command line, the data
 * directory and safe logging.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.platform;
