/**
 * The catalogue's pages and API.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.catalogue.web;
