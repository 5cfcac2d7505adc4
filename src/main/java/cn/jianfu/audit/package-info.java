@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.audit;
