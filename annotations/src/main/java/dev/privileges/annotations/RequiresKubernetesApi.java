package dev.privileges.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collector calls the Kubernetes API: one rule of the agent's ClusterRole.
 *
 * <pre>{@code
 * @RequiresKubernetesApi(apiGroups = "", resources = {"pods", "nodes"},
 *     verbs = {"get", "list", "watch"},
 *     reason = "Tags container metrics with the pod and node they belong to.")
 * @RequiresKubernetesApi(nonResourceUrls = "/metrics", verbs = "get",
 *     reason = "Scrapes the API server's own metrics.")
 * }</pre>
 *
 * <p>The agent gets a ServiceAccount, ClusterRole and ClusterRoleBinding only when an enabled
 * collector declares a rule; otherwise its pods do not mount a service-account token at all.
 *
 * <p>Rules the processor enforces: a rule names resources or non-resource URLs, not both and not
 * neither; {@code apiGroups} is given with resources ({@code ""} is the core group) and not with
 * URLs; {@code verbs} is not empty and holds Kubernetes verbs ({@code get list watch create
 * update patch delete deletecollection} and the few special ones such as {@code impersonate},
 * {@code bind}, {@code escalate}, {@code use}, or {@code *}); non-resource URLs start with
 * {@code /}; {@code reason} is not blank.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(RequiresKubernetesApi.List.class)
public @interface RequiresKubernetesApi {

  /** API groups of {@link #resources()}; {@code ""} is the core group. */
  String[] apiGroups() default {};

  /** Resources, e.g. {@code "pods"}, {@code "nodes/stats"}. */
  String[] resources() default {};

  /** Non-resource URLs, e.g. {@code "/metrics"}. */
  String[] nonResourceUrls() default {};

  /** Verbs, e.g. {@code {"get", "list", "watch"}}. */
  String[] verbs();

  /** One sentence: what the collector reads or changes through the API. Mandatory. */
  String reason();

  /** Holds repeated {@link RequiresKubernetesApi} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    RequiresKubernetesApi[] value();
  }
}
