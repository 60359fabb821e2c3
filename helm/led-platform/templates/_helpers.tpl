{{/*
Names, labels and the merged per-application configuration. Every template takes its
names from here, so a resource name and the selector that finds it cannot drift apart.
*/}}

{{- define "led.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Prefix of every resource name: the release name unless overridden, so the programmes
Service of release "led" is "led-programmes". */}}
{{- define "led.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "led.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* A resource name "<fullname>-<suffix>", within the 63 characters of a DNS label.
Usage: include "led.resourceName" (list $ "programmes") */}}
{{- define "led.resourceName" -}}
{{- $root := index . 0 -}}
{{- printf "%s-%s" (include "led.fullname" $root) (index . 1) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every resource of the release carries. */}}
{{- define "led.baseLabels" -}}
helm.sh/chart: {{ include "led.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
app.kubernetes.io/part-of: {{ include "led.name" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Standard labels of one component.
Usage: include "led.labels" (dict "root" $ "name" "programmes" "component" "service" "version" "0.1.0") */}}
{{- define "led.labels" -}}
{{ include "led.baseLabels" .root }}
app.kubernetes.io/name: {{ .name | quote }}
app.kubernetes.io/component: {{ .component | quote }}
app.kubernetes.io/version: {{ .version | default .root.Chart.AppVersion | quote }}
{{- end -}}

{{/* The labels a Service or a policy selects one component's pods by. */}}
{{- define "led.selectorLabels" -}}
app.kubernetes.io/name: {{ .name | quote }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
{{- end -}}

{{/* The five domain services, in a fixed order. */}}
{{- define "led.serviceNames" -}}
organisations surveys programmes scheduling funding
{{- end -}}

{{/* Application key (camelCase, as in values) to its name: apiGateway -> api-gateway. */}}
{{- define "led.appName" -}}
{{- kebabcase . -}}
{{- end -}}

{{/* Recursively merges map .src into map .dst (in place): maps merge key by key, anything
else (including false, 0 and empty strings) replaces. Sprig's merge treats false and 0
as unset, which would make "enabled: false" in an application block lose to a default. */}}
{{- define "led.deepMerge" -}}
{{- $dst := .dst -}}
{{- range $key, $value := .src -}}
{{- $current := get $dst $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $current) -}}
{{- include "led.deepMerge" (dict "dst" $current "src" $value) -}}
{{- else -}}
{{- $_ := set $dst $key (deepCopy (dict "v" $value)).v -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The configuration of one application: defaults, then its own block, plus derived
fields (name, component, isGateway, envPrefix, tag, imageRef).
Usage: $app := include "led.app" (dict "root" $ "key" "programmes") | fromYaml */}}
{{- define "led.app" -}}
{{- $root := .root -}}
{{- $merged := deepCopy $root.Values.defaults -}}
{{- include "led.deepMerge" (dict "dst" $merged "src" (index $root.Values.applications .key)) -}}
{{- $name := include "led.appName" .key -}}
{{- $isGateway := eq .key "apiGateway" -}}
{{- $isWeb := eq .key "web" -}}
{{- $_ := set $merged "key" .key -}}
{{- $_ := set $merged "name" $name -}}
{{- $_ := set $merged "fullname" (include "led.resourceName" (list $root $name)) -}}
{{- $_ := set $merged "isGateway" $isGateway -}}
{{- $_ := set $merged "isWeb" $isWeb -}}
{{- $_ := set $merged "component" (ternary "gateway" (ternary "web" "service" $isWeb) $isGateway) -}}
{{- $_ := set $merged "envPrefix" (ternary "LED_GATEWAY" (printf "LED_%s" (upper $name)) $isGateway) -}}
{{- $image := $merged.image | default dict -}}
{{- $tag := $image.tag | default $root.Values.image.tag | default $root.Chart.AppVersion | toString -}}
{{- if eq (lower $tag) "latest" -}}
{{- fail (printf "applications.%s.image.tag (or image.tag): the tag \"latest\" is not allowed; name a version" .key) -}}
{{- end -}}
{{- $registry := $image.registry | default $root.Values.image.registry -}}
{{- $group := $image.group | default $root.Values.image.group -}}
{{- $repository := required (printf "applications.%s.image.repository is required" .key) $image.repository -}}
{{- $path := compact (list $registry $group $repository) | join "/" -}}
{{- $ref := "" -}}
{{- if $image.digest -}}
{{- $ref = printf "%s@%s" $path $image.digest -}}
{{- else -}}
{{- $ref = printf "%s:%s" $path $tag -}}
{{- end -}}
{{- $_ := set $merged "tag" $tag -}}
{{- $_ := set $merged "imageRef" $ref -}}
{{- $_ := set $merged "pullPolicy" ($image.pullPolicy | default $root.Values.image.pullPolicy) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Keys of the enabled applications, sorted. Usage: include "led.enabledApps" $ | fromYamlArray */}}
{{- define "led.enabledApps" -}}
{{- $keys := list -}}
{{- range $key, $app := .Values.applications -}}
{{- if $app.enabled -}}
{{- $keys = append $keys $key -}}
{{- end -}}
{{- end -}}
{{- toYaml $keys -}}
{{- end -}}

{{/* Names of the enabled domain services (those with a database and topics). */}}
{{- define "led.enabledServices" -}}
{{- $names := list -}}
{{- range $name := splitList " " (include "led.serviceNames" .) -}}
{{- if (index $.Values.applications $name).enabled -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- toYaml $names -}}
{{- end -}}

{{/* ---------- Dependencies ---------- */}}

{{- define "led.postgresql.clusterName" -}}
{{- printf "%s-pg" (include "led.fullname" . | trunc 40 | trimSuffix "-") -}}
{{- end -}}

{{- define "led.kafka.clusterName" -}}
{{- printf "%s-kafka" (include "led.fullname" . | trunc 40 | trimSuffix "-") -}}
{{- end -}}

{{- define "led.keycloak.name" -}}
{{- printf "%s-keycloak" (include "led.fullname" . | trunc 40 | trimSuffix "-") -}}
{{- end -}}

{{- define "led.db.host" -}}
{{- if .Values.postgresql.operator.enabled -}}
{{- printf "%s-rw" (include "led.postgresql.clusterName" .) -}}
{{- else -}}
{{- required "postgresql.external.host is required when postgresql.operator.enabled is false" .Values.postgresql.external.host -}}
{{- end -}}
{{- end -}}

{{- define "led.db.port" -}}
{{- if .Values.postgresql.operator.enabled -}}5432{{- else -}}{{ .Values.postgresql.external.port }}{{- end -}}
{{- end -}}

{{- define "led.kafka.bootstrap" -}}
{{- if .Values.kafka.operator.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" (include "led.kafka.clusterName" .) -}}
{{- else -}}
{{- required "kafka.external.bootstrapServers is required when kafka.operator.enabled is false" .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The realm URL the applications fetch metadata and keys from. With the operator it is
Keycloak's in-cluster Service: Keycloak runs with hostname-backchannel-dynamic, so keys and
tokens are served there, while the issuer stays the public URL (led.oidc.issuer). */}}
{{- define "led.oidc.url" -}}
{{- if .Values.keycloak.operator.enabled -}}
{{- printf "http://%s-service:8080/realms/%s" (include "led.keycloak.name" .) .Values.keycloak.realm -}}
{{- else -}}
{{- required "keycloak.external.realmUrl is required when keycloak.operator.enabled is false" .Values.keycloak.external.realmUrl -}}
{{- end -}}
{{- end -}}

{{- define "led.oidc.issuer" -}}
{{- if .Values.keycloak.operator.enabled -}}
{{- printf "%s/realms/%s" (trimSuffix "/" .Values.keycloak.operator.hostname) .Values.keycloak.realm -}}
{{- end -}}
{{- end -}}

{{/* ---------- Secrets ---------- */}}

{{/* Name of the credentials Secret of one database. Usage: include "led.db.secretName" (list $ "programmes") */}}
{{- define "led.db.secretName" -}}
{{- $root := index . 0 -}}
{{- $db := index . 1 -}}
{{- $existing := index $root.Values.secrets.database.existingSecrets $db | default "" -}}
{{- if $existing -}}
{{- $existing -}}
{{- else if $root.Values.secrets.create -}}
{{- include "led.resourceName" (list $root (printf "%s-db" $db)) -}}
{{- else -}}
{{- fail (printf "secrets.database.existingSecrets.%s is required when secrets.create is false" $db) -}}
{{- end -}}
{{- end -}}

{{- define "led.oidcClient.secretName" -}}
{{- if .Values.secrets.oidcClient.existingSecret -}}
{{- .Values.secrets.oidcClient.existingSecret -}}
{{- else if .Values.secrets.create -}}
{{- include "led.resourceName" (list . "oidc-client") -}}
{{- else -}}
{{- fail "secrets.oidcClient.existingSecret is required when secrets.create is false" -}}
{{- end -}}
{{- end -}}

{{/* ---------- Pod pieces ---------- */}}

{{/* A probe of one application, on its management port where it has one.
Usage: include "led.probe" (dict "probe" $app.probes.startup "app" $app) */}}
{{- define "led.probe" -}}
httpGet:
  path: {{ .probe.path }}
  port: {{ include "led.managementPortName" .app }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end -}}

{{/* The named container port that serves /q/health and /q/metrics: "management" when the
application has a management interface of its own, else "http". */}}
{{- define "led.managementPortName" -}}
{{- if .managementPort -}}management{{- else -}}http{{- end -}}
{{- end -}}

{{/* Keys of the enabled applications that consume or produce on Kafka (kafkaClient). */}}
{{- define "led.enabledKafkaClients" -}}
{{- $keys := list -}}
{{- range $key := include "led.enabledApps" . | fromYamlArray -}}
{{- if (include "led.app" (dict "root" $ "key" $key) | fromYaml).kafkaClient -}}
{{- $keys = append $keys $key -}}
{{- end -}}
{{- end -}}
{{- toYaml $keys -}}
{{- end -}}

{{/* Environment of one application (its ConfigMap's data); secrets are not here.
Usage: include "led.configData" (dict "root" $ "app" $app) */}}
{{- define "led.configData" -}}
{{- $root := .root -}}
{{- $app := .app -}}
{{- $data := dict -}}
{{- $_ := set $data (printf "%s_PORT" $app.envPrefix) "8080" -}}
{{- $_ := set $data "LED_OIDC_URL" (include "led.oidc.url" $root) -}}
{{- with include "led.oidc.issuer" $root -}}
{{- $_ := set $data "QUARKUS_OIDC_TOKEN_ISSUER" . -}}
{{- end -}}
{{- $_ := set $data "JAVA_TOOL_OPTIONS" $app.jvmOptions -}}
{{- if $app.kafkaClient -}}
{{- $_ := set $data "LED_KAFKA_BOOTSTRAP" (include "led.kafka.bootstrap" $root) -}}
{{- end -}}
{{- if $app.managementPort -}}
{{- $_ := set $data (printf "%s_MANAGEMENT_PORT" $app.envPrefix) (toString $app.managementPort) -}}
{{- end -}}
{{- if $app.isGateway -}}
{{- range $name := include "led.enabledServices" $root | fromYamlArray -}}
{{- $service := include "led.app" (dict "root" $root "key" $name) | fromYaml -}}
{{- $_ := set $data (printf "LED_%s_URL" (upper $name)) (printf "http://%s:%v" $service.fullname $service.service.port) -}}
{{- end -}}
{{- /* The gateway sits behind the ingress controller, which terminates TLS. */ -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING" "true" -}}
{{- $_ := set $data "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED" "true" -}}
{{- /* Location headers name the public host, never a service's in-cluster address. */ -}}
{{- if and $root.Values.ingress.enabled $root.Values.ingress.host -}}
{{- $_ := set $data "LED_GATEWAY_PUBLIC_URL" (printf "https://%s" $root.Values.ingress.host) -}}
{{- end -}}
{{- /* Every path outside /api goes to the web app. */ -}}
{{- if $root.Values.applications.web.enabled -}}
{{- $web := include "led.app" (dict "root" $root "key" "web") | fromYaml -}}
{{- $_ := set $data "LED_WEB_URL" (printf "http://%s:%v" $web.fullname $web.service.port) -}}
{{- end -}}
{{- else if $app.isWeb -}}
{{- /* The web app calls the API through the gateway, in the cluster, with each person's own token. */ -}}
{{- $gateway := include "led.app" (dict "root" $root "key" "apiGateway") | fromYaml -}}
{{- $_ := set $data "LED_GATEWAY_URL" (printf "http://%s:%v" $gateway.fullname $gateway.service.port) -}}
{{- /* Browsers reach it over HTTPS through the ingress and the gateway, which say so in X-Forwarded-*. */ -}}
{{- $_ := set $data "LED_WEB_SECURE_COOKIES" "true" -}}
{{- else -}}
{{- $_ := set $data "LED_DB_HOST" (include "led.db.host" $root) -}}
{{- $_ := set $data "LED_DB_PORT" (include "led.db.port" $root) -}}
{{- $_ := set $data "QUARKUS_DATASOURCE_JDBC_MAX_SIZE" (toString $app.databasePoolSize) -}}
{{- if eq $app.name "organisations" -}}
{{- /* The identity sync's admin client: Keycloak's base URL, the realm URL without /realms/<realm>. */ -}}
{{- $_ := set $data "LED_KEYCLOAK_ADMIN_URL" (include "led.oidc.url" $root | trimSuffix (printf "/realms/%s" $root.Values.keycloak.realm)) -}}
{{- $_ := set $data "LED_KEYCLOAK_REALM" $root.Values.keycloak.realm -}}
{{- end -}}
{{- end -}}
{{- range $name, $value := $app.config -}}
{{- $_ := set $data $name (toString $value) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}
