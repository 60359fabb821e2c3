package no.ks.led.gateway.rest;

/** Which paths the web app answers: all but the API's ({@code /api}) and the management interface's ({@code /q}). */
final class WebRoutes {

    private WebRoutes() {
    }

    static boolean isWebPath(String path) {
        return !(is(path, "/api") || is(path, "/q")) && !path.contains("/../") && !path.endsWith("/..");
    }

    private static boolean is(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
