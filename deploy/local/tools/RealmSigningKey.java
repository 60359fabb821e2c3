import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Prints a new RSA private key (2048 bits, PKCS#8, base64 on one line) for the dev realm's signing
 * key: deploy/local/stack.sh runs it on a profile's first start and keeps the key in the profile's
 * state directory, so the key is never in the repository and tokens outlive a Keycloak restart.
 * Keycloak derives the public key, the key id and a self-signed certificate from it.
 */
public final class RealmSigningKey {

    private RealmSigningKey() {
    }

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        System.out.println(Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded()));
    }
}
