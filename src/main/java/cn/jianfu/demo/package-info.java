/**
 * The demo scenario: a year of demands of 重庆市铜梁区 (and a smaller previous year as the
 * baseline of 只减不增), placed through the gate's, the catalogue's and the ledger's public
 * API as the accounts of the demo organisation would, so that every dashboard shows real
 * numbers on first start. A module of its own because it uses several modules and none of
 * them should depend on the others for demo data.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.demo;
