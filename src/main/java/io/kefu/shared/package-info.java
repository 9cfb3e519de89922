/** Value types every module may use. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package io.kefu.shared;
