using System.Collections.Immutable;
using System.Text;
using static Shipshape.Tests.Secrets.Corpus.CorpusCase;

namespace Shipshape.Tests.Secrets.Corpus;

/// <summary>
/// The labelled secrets corpus of issue 12: for every class the scanner must get right, files that must be reported (at
/// the given lines) and files that must not. Shapes follow the vendors' documentation of each file format and token;
/// every secret is invented (<see cref="Fake"/>), and the vendors' own documentation examples are assembled from parts.
/// </summary>
internal static class SecretCorpus
{
    // Precision classes: nothing in these files may be reported.
    public const string Placeholders = "placeholders and templates";
    public const string KeyNames = "key names and schema text";
    public const string StoreReferences = "secret store references";
    public const string NonCredentials = "non-credential values";
    public const string Binary = "binary content";
    public const string VendorExamples = "vendor documentation examples";

    // Recall classes: every secret in these files must be reported at its line, and nothing else.
    public const string Assignments = "unquoted assignments (.env, .properties, .ini, .cfg, shell, Makefile)";
    public const string YamlToml = "YAML and TOML values";
    public const string Xml = "XML attributes and elements";
    public const string ConfigMaps = "PHP/Python/Ruby/JS config maps";
    public const string ConnectionStrings = "Java/.NET connection strings";
    public const string KubernetesSecrets = "Kubernetes Secret data and stringData";
    public const string CredentialFiles = "credential files by shape";
    public const string UrlCredentials = "credentials in URLs";

    public static ImmutableArray<string> PrecisionClasses { get; } = [Placeholders, KeyNames, StoreReferences, NonCredentials, Binary, VendorExamples];

    public static ImmutableArray<string> RecallClasses { get; } = [Assignments, YamlToml, Xml, ConfigMaps, ConnectionStrings, KubernetesSecrets, CredentialFiles, UrlCredentials];

    public static ImmutableArray<CorpusCase> Cases { get; } = [.. PrecisionCases(), .. RecallCases()];

    private static IEnumerable<CorpusCase> PrecisionCases()
    {
        // Placeholders and templates, plain and base64-encoded.
        yield return Negative(Placeholders, "app/.env.example", """
            API_TOKEN=<your-token>
            DB_PASSWORD=changeme
            SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            AUTH_TOKEN=****************
            GITHUB_TOKEN=${GITHUB_TOKEN}
            ADMIN_PASSWORD=$(cat /run/secrets/admin_password)
            SESSION_SECRET=REPLACE_ME
            STRIPE_SECRET_KEY=INSERT_YOUR_STRIPE_KEY_HERE
            """);
        yield return Negative(Placeholders, "chart/templates/secret-env.yaml", """
            env:
              - name: DB_PASSWORD
                value: {{ .Values.database.password | quote }}
              - name: API_KEY
                value: "{{ .Values.apiKey }}"
            password: {{ required "a password is required" .Values.password }}
            """);
        yield return Negative(Placeholders, "app/settings.py", """
            DATABASES = {
                "default": {
                    "PASSWORD": "%(db_password)s",
                    "USER": "app",
                }
            }
            SECRET_KEY = "INSERT_SECRET_KEY_HERE"
            API_KEY = "REPLACE_ME_WITH_YOUR_KEY"
            AUTH_TOKEN = os.environ["AUTH_TOKEN"]
            """);
        yield return Negative(Placeholders, "conf/app.ini", """
            [database]
            password = example
            [service]
            token = dummy-token-value
            secret = sample_secret_value
            api_key = your_api_key
            """);
        yield return Negative(Placeholders, "conf/sequences.yaml", """
            api_key: "1234567890abcdef1234567890abcdef"
            password: "abcdefgh12345678"
            token: 0123456789abcdefghijklmnopqrstuv
            client_secret: "abcdefghijklmnopqrstuvwxyz"
            """);
        yield return Negative(Placeholders, "k8s/placeholder-secret.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-credentials
            type: Opaque
            data:
              password: {{Fake.Base64("changeme")}}
              api-key: {{Fake.Base64("<your-api-key>")}}
              token: {{Fake.Base64("xxxxxxxxxxxxxxxxxxxx")}}
            """);
        yield return Negative(Placeholders, "deploy/template.env", $$"""
            REGISTRY_AUTH={{Fake.Base64("username:password")}}
            DB_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app
            CACHE_URL=redis://:<password>@cache:6379/0
            """);

        // Key names and documents that describe credential fields.
        yield return Negative(KeyNames, "schemas/user.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "password": { "type": "string", "minLength": 12, "description": "The user's password" },
                "client_secret": { "type": "string", "format": "password" },
                "apiKey": { "$ref": "#/definitions/SecretString" }
              },
              "required": ["password"]
            }
            """);
        yield return Negative(KeyNames, "api/openapi.yaml", """
            openapi: 3.0.3
            components:
              securitySchemes:
                ApiKeyAuth:
                  type: apiKey
                  in: header
                  name: X-API-Key
                bearerAuth:
                  type: http
                  scheme: bearer
                  bearerFormat: JWT
              schemas:
                Login:
                  properties:
                    password:
                      type: string
                      format: password
                    refresh_token:
                      type: string
            """);
        yield return Negative(KeyNames, "proto/auth.proto", """
            syntax = "proto3";
            message Credentials {
              string username = 1;
              string password = 2;
              string api_key = 3;
              bytes private_key = 4;
            }
            """);
        yield return Negative(KeyNames, "graphql/schema.graphql", """
            type User {
              id: ID!
              passwordHash: String!
              apiToken: String
            }
            input LoginInput { email: String!, password: String! }
            """);
        yield return Negative(KeyNames, "nginx/api.conf", """
            location /api/ {
                proxy_set_header X-Auth-Token $http_x_auth_token;
                proxy_set_header Authorization $http_authorization;
                add_header Access-Control-Allow-Headers "Authorization, X-Api-Key, X-Amz-Security-Token";
            }
            """);
        yield return Negative(KeyNames, "cfn/function.yaml", """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Code:
                    S3Bucket: artifacts-bucket
                    S3Key: lambda/function-package.zip
              Instance:
                Type: AWS::EC2::Instance
                Properties:
                  KeyName: deployment-keypair
              Policy:
                Properties:
                  PasswordPolicy:
                    MinimumPasswordLength: 14
                  SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbCdEf
                  SecretKeyRef: DatabaseCredentials
            """);

        // False positives met on the real-world corpus (RealWorldSecretsTriageTests), reduced to their shape.
        yield return Negative(KeyNames, "realworld/names-under-key.yaml", $$"""
            volumes:
              - configMap:
                  items:
                    - key: model_nf4_mg.py
                      path: model.py
            Objects:
              - Key: README-copy.md
            headers:
              - key: 'Strict-Transport-Security'
              - key:   'X-Frame-Options'
            Code:
              S3Key: {{Fake.Chars("s3-object", 64, Fake.Hex)}}
            Description: Note, will only be set if KMS Key parameter, "VPCFlowLogsBucketKMSKey", was provided.
            args: genai-perf profile --tokenizer="google/gemma-3-1b-pt"
            parameters:
              adminSecretName: "quobyte-admin-secret"
            """);

        // References to secret stores.
        yield return Negative(StoreReferences, "ecs/task-definition.json", """
            {
              "family": "api",
              "containerDefinitions": [{
                "name": "api",
                "secrets": [
                  { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-password-AbCdEf" },
                  { "name": "API_TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/api-token" }
                ]
              }]
            }
            """);
        yield return Negative(StoreReferences, "k8s/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      env:
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: db-credentials
                              key: password
            """);
        yield return Negative(StoreReferences, "cfn/database.yaml", """
            Resources:
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  MasterUsername: admin
                  MasterUserPassword: !Ref DbPassword
              Cluster:
                Properties:
                  MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
                  ApiToken: '{{resolve:ssm-secure:/prod/api-token:1}}'
            """);
        yield return Negative(StoreReferences, "terraform/rds.tf", """
            resource "aws_db_instance" "db" {
              password        = var.db_password
              master_password = random_password.db.result
            }
            locals {
              api_token = data.aws_secretsmanager_secret_version.api.secret_string
              db_secret = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]
            }
            """);

        yield return Negative(StoreReferences, ".github/workflows/release.yml", """
            jobs:
              push:
                steps:
                  - uses: docker/login-action@v3
                    with:
                      username: ${{ secrets.REGISTRY_USER }}
                      password: ${{ secrets.REGISTRY_PASSWORD }}
            """);
        yield return Negative(StoreReferences, "ansible/group_vars/prod.yml", """
            db_password: "{{ vault_db_password }}"
            api_token: "{{ lookup('aws_ssm', '/prod/api-token') }}"
            smtp_password: !vault |
                      $ANSIBLE_VAULT;1.1;AES256

            """ + $"          {Fake.Chars("vault-1", 64, Fake.Hex)}\n          {Fake.Chars("vault-2", 64, Fake.Hex)}\n");
        yield return Negative(StoreReferences, "compose/secrets.yml", """
            services:
              api:
                environment:
                  DB_PASSWORD_FILE: /run/secrets/db_password
                secrets: [db_password]
            secrets:
              db_password:
                external: true
            """);

        // Values that are not credentials.
        yield return Negative(NonCredentials, "compose/docker-compose.yml", """
            services:
              db:
                image: mysql:8
                environment:
                  MYSQL_ALLOW_EMPTY_PASSWORD: "1"
                  MYSQL_RANDOM_ROOT_PASSWORD: "yes"
                  POSTGRES_HOST_AUTH_METHOD: trust
                  REDIS_PASSWORD_ENABLED: "true"
                  PASSWORD_MIN_LENGTH: "12"
            """);
        yield return Negative(NonCredentials, "conf/paths.conf", """
            password_file = /run/secrets/db_password
            ssl_key = /etc/ssl/private/server.key
            token_path=/var/run/secrets/kubernetes.io/serviceaccount/token
            api_key_file: ./secrets/api-key.txt
            secret_dir = ~/.config/app/secrets
            """);
        yield return Negative(NonCredentials, "conf/urls.yaml", """
            auth_url: "https://auth.example.com/oauth/token"
            token_endpoint: https://login.microsoftonline.com/common/oauth2/v2.0/token
            cache: redis://redis:6379/0
            database_url: postgres://db.internal:5432/app
            """);
        yield return Negative(NonCredentials, "certs/ca-bundle.crt", Fake.Pem("CERTIFICATE", "ca-cert", 12) + "\n");
        yield return Negative(NonCredentials, "kube/cluster.yaml", $$"""
            clusters:
              - cluster:
                  certificate-authority-data: {{Fake.Base64(Fake.Pem("CERTIFICATE", "kube-ca", 6))}}
                  server: https://api.cluster.example:6443
                name: prod
            """);
        yield return Negative(NonCredentials, "ssh/authorized_keys", $$"""
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ{{Fake.Chars("ssh-pub", 340, Fake.Base64Chars)}} deploy@build
            ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{{Fake.Chars("ed-pub", 43, Fake.Base64Chars)}} admin@bastion
            """);
        yield return Negative(NonCredentials, "keys/signing.pub", Fake.Pem("PUBLIC KEY", "pub", 6) + "\n");
        yield return Negative(NonCredentials, "build/checksums.yaml", $$"""
            image: registry.example.com/api@sha256:{{Fake.Chars("digest", 64, Fake.Hex)}}
            checksum: sha256:{{Fake.Chars("sum", 64, Fake.Hex)}}
            "integrity": "sha512-{{Fake.Chars("npm-integrity", 86, Fake.Base64Chars)}}=="
            secret_hash: {{Fake.Chars("git-sha", 40, Fake.Hex)}}
            """);
        yield return Negative(NonCredentials, "terraform/kms.tfvars", """
            kms_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
            "KeyId": "8f14e45f-ceea-467f-a0e6-0d1b2e3c4d5e"
            secret_id = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
            """);

        yield return Negative(NonCredentials, "realworld/encoded-non-secrets.yaml", $$"""
            cluster_auth_base64 = "{{Fake.Base64(Fake.Pem("CERTIFICATE", "eks-ca", 8))}}"
            apiVersion: v1
            kind: Secret
            metadata:
              name: storageos-secret
            data:
              apiAddress: {{Fake.Base64("tcp://127.0.0.1:5705")}}
            ---
            UserData: "#!/bin/bash\n\n# Get the password from secrets manager\nsecret_string=$(aws secretsmanager get-secret-value)"
            """);
        yield return Negative(Placeholders, "realworld/example-secrets.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: heketi-secret
            data:
              # base64 encoded password. E.g.: echo -n "mypassword" | base64
              key: {{Fake.Base64("mypassword")}}
            ---
            apiVersion: v1
            kind: Secret
            data:
              .secret-file: {{Fake.Base64("value-2\r\n\r\n")}}
            """);

        // Binary content, recognised by its bytes; a secret-looking string inside must not be reported.
        var embedded = Encoding.ASCII.GetBytes("\npassword=" + Fake.Password("in-binary") + "\n");
        yield return Negative(Binary, "lib/libcrypto.so.3", [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56], .. embedded, .. Fake.Bytes("elf", 512)]);
        yield return Negative(Binary, "web/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, .. embedded, .. Fake.Bytes("png", 256)]);
        yield return Negative(Binary, "tools/magic.mgc", [0x1c, 0x04, 0x1e, 0xf1, 0x12, 0, 0, 0, .. embedded, .. Fake.Bytes("mgc", 256)]);
        // No NUL byte at all: only the share of bytes that are not text gives it away.
        yield return Negative(Binary, "data/blob.bin", [.. Fake.Bytes("no-nul", 600).Select(b => (byte)(b | 0x80)), .. embedded, .. Fake.Bytes("no-nul-2", 600).Select(b => (byte)(b | 0x81))]);
        yield return Negative(Binary, "app/__pycache__/settings.cpython-312.pyc", [0xcb, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, .. embedded, .. Fake.Bytes("pyc", 128)]);

        // Command lines and code that pass a password without holding one.
        yield return Negative(StoreReferences, "scripts/login.sh", """
            #!/bin/sh
            echo "$REGISTRY_TOKEN" | docker login -u ci --password-stdin registry.example.com
            mysql -u root -p -e 'show databases'
            mysql --password="$DB_PASSWORD" -h db.internal app < dump.sql
            PGPASSWORD=${PG_PASSWORD} psql -h pg.internal -U report
            """);
        yield return Negative(StoreReferences, "app/clients.py", """
            from django.conf import settings
            api_key = settings.API_KEY
            auth = (settings.SYNC_USER, settings.SYNC_PASSWORD)
            ds.setPassword(password)
            """);
        // Stripe documents publishable keys as safe to put in web pages.
        yield return Negative(NonCredentials, "web/.env.production", $$"""
            STRIPE_PUBLISHABLE_KEY={{Fake.Join("pk_", "live_", Fake.Chars("stripe-pk", 24))}}
            """);

        // The vendors' own documentation examples.
        yield return Negative(VendorExamples, "docs/aws-cli.md", $$"""
            ```
            [default]
            aws_access_key_id = {{Fake.Join("AKIA", "IOSFODNN7", "EXAMPLE")}}
            aws_secret_access_key = {{Fake.Join("wJalrXUtnFEMI/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY")}}
            ```
            """);
        yield return Negative(VendorExamples, "docs/stripe.md", $$"""
            curl https://api.stripe.com/v1/charges -u {{Fake.Join("sk_", "test_", "4eC39HqLyjWDarjtT1zdp7dc")}}:
            Stripe.api_key = '{{Fake.Join("sk_", "test_", "BQokikJOvBiI2HlWgH4olfQ2")}}'
            """);
        yield return Negative(VendorExamples, "docs/github.md", $$"""
            curl -H "Authorization: token {{Fake.Join("gh", "p_", "16C7e42F292c6912E7710c838347Ae178B4a")}}" https://api.github.com/user
            """);
        yield return Negative(VendorExamples, "docs/slack.md", $$"""
            SLACK_BOT_TOKEN={{Fake.Join("xo", "xb-", "17653672481-19874698323-", "pdFZKVeTuE8sk7oOcBrzbqgy")}}
            """);
        // Microsoft documents the Azure Storage emulator's (Azurite's) account key: every local setup has it.
        yield return Negative(VendorExamples, "api/local.settings.json", $$"""
            {
              "Values": {
                "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={{Fake.Join("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", "/K1SZFPTOtr/KBHBeksoGMGw==")}};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
              }
            }
            """);
        // A placeholder in the provider's own format, as Slack's documentation writes it.
        yield return Negative(VendorExamples, "docs/notifications.md", """
            Set `SLACK_WEBHOOK` to a webhook like `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`.
            """);
        yield return Negative(VendorExamples, "docs/jwt.md", $$"""
            Authorization: Bearer {{Fake.Join("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", ".", "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ", ".", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")}}
            """);
    }

    private static IEnumerable<CorpusCase> RecallCases()
    {
        static string pw(string seed, int length = 14) => Fake.Password(seed, length);

        // Unquoted assignments.
        yield return Positive(Assignments, "app/.env", $$"""
            # database
            DB_HOST=db.internal
            DB_PASSWORD={{pw("env-db")}}
            DEBUG=true
            """, pw("env-db"));
        yield return Positive(Assignments, "app/.env.production", $$"""
            DB_PASSWORD=hunter2
            MAILER_PASSWORD={{pw("env-mail", 10)}}
            """, "hunter2", pw("env-mail", 10));
        yield return Positive(Assignments, "src/main/resources/application.properties", $$"""
            spring.datasource.url=jdbc:postgresql://db.internal:5432/app
            spring.datasource.username=app
            spring.datasource.password={{pw("props")}}
            """, pw("props"));
        yield return Positive(Assignments, "conf/service.ini", $$"""
            [database]
            host = db.internal
            user = app
            password = {{pw("ini")}}
            """, pw("ini"));
        yield return Positive(Assignments, "conf/setup.cfg", $$"""
            [smtp]
            server = smtp.internal
            smtp_password: {{pw("cfg")}}
            """, pw("cfg"));
        yield return Positive(Assignments, "scripts/deploy.sh", $$"""
            #!/bin/sh
            export API_TOKEN={{Fake.Chars("sh-token", 32)}}
            DEPLOY_PASSWORD='{{pw("sh-pw")}}'
            ./deploy --token "$API_TOKEN"
            """, Fake.Chars("sh-token", 32), pw("sh-pw"));
        yield return Positive(Assignments, "Makefile", $$"""
            REGISTRY_USER := ci
            REGISTRY_PASSWORD := {{pw("make")}}
            push:
            	docker login -u $(REGISTRY_USER) -p $(REGISTRY_PASSWORD)
            """, pw("make"));

        // A long hex key has every hex digit but no more: it is not a "mostly repeated" placeholder.
        yield return Positive(Assignments, "rails/.env", $$"""
            RAILS_ENV=production
            SECRET_KEY_BASE={{Fake.Chars("rails-skb", 128, "0123456789abcdef")}}
            """, Fake.Chars("rails-skb", 128, "0123456789abcdef"));

        // Passwords on command lines: the client's own flags, and the variables clients read.
        yield return Positive(Assignments, "scripts/db-tools.sh", $$"""
            #!/bin/sh
            mysql -u root -p{{pw("mysql-flag")}} -e 'show databases'
            PGPASSWORD={{pw("pg-env")}} psql -h pg.internal -U report -c 'select 1'
            docker login -u ci -p {{Fake.Chars("docker-login", 20)}} registry.example.com
            sshpass -p '{{pw("sshpass")}}' ssh ops@10.0.0.5 uptime
            """, pw("mysql-flag"), pw("pg-env"), Fake.Chars("docker-login", 20), pw("sshpass"));

        // YAML and TOML values.
        yield return Positive(YamlToml, "config/database.yml", $$"""
            production:
              adapter: postgresql
              username: app
              password: {{pw("yaml")}}
            """, pw("yaml"));
        yield return Positive(YamlToml, "config/app.yaml", $$"""
            smtp: { host: smtp.internal, password: "{{pw("yaml-flow")}}" }
            service:
              api_key: {{Fake.Chars("yaml-key", 32)}}
            """, pw("yaml-flow"), Fake.Chars("yaml-key", 32));
        yield return Positive(YamlToml, "config/settings.toml", $$"""
            [database]
            user = "app"
            password = "{{pw("toml")}}"
            [service]
            api_key = '{{Fake.Chars("toml-key", 32)}}'
            """, pw("toml"), Fake.Chars("toml-key", 32));

        // XML.
        yield return Positive(Xml, "conf/tomcat-users.xml", $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <tomcat-users>
              <user username="admin" password="{{pw("tomcat")}}" roles="manager-gui"/>
            </tomcat-users>
            """, pw("tomcat"));
        yield return Positive(Xml, "conf/hibernate.cfg.xml", $$"""
            <hibernate-configuration>
              <session-factory>
                <property name="connection.username">app</property>
                <property name="connection.password">{{pw("hibernate")}}</property>
              </session-factory>
            </hibernate-configuration>
            """, pw("hibernate"));
        yield return Positive(Xml, "conf/settings.xml", $$"""
            <settings>
              <servers>
                <server>
                  <id>releases</id>
                  <username>deploy</username>
                  <password>{{pw("maven")}}</password>
                </server>
              </servers>
            </settings>
            """, pw("maven"));

        // Config maps in code.
        yield return Positive(ConfigMaps, "config/database.php", $$"""
            <?php
            return [
                'mysql' => [
                    'username' => 'app',
                    'password' => '{{pw("php")}}',
                ],
            ];
            """, pw("php"));
        yield return Positive(ConfigMaps, "app/settings.py", $$"""
            DATABASES = {
                "default": {
                    "ENGINE": "django.db.backends.postgresql",
                    "PASSWORD": "{{pw("django")}}",
                }
            }
            SECRET_KEY = "{{Fake.Chars("django-key", 50, Fake.PasswordChars)}}"
            """, pw("django"), Fake.Chars("django-key", 50, Fake.PasswordChars));
        yield return Positive(ConfigMaps, "config/initializers/mailer.rb", $$"""
            ActionMailer::Base.smtp_settings = {
              user_name: "mailer",
              password: "{{pw("ruby")}}",
              :authentication => :plain
            }
            """, pw("ruby"));
        yield return Positive(ConfigMaps, "src/config.js", $$"""
            module.exports = {
              db: { user: 'app', password: '{{pw("js")}}' },
              apiKey: "{{Fake.Chars("js-key", 32)}}",
            };
            """, pw("js"), Fake.Chars("js-key", 32));

        // Passwords handed to credential APIs as literals.
        yield return Positive(ConfigMaps, "src/main/java/app/Mailer.java", $$"""
            DataSource ds = new DataSource();
            ds.setUser("mailer");
            ds.setPassword("{{pw("java-setter")}}");
            """, pw("java-setter"));
        yield return Positive(ConfigMaps, "Tools/Ftp.cs", $$"""
            static readonly NetworkCredential Cred = new NetworkCredential("uploader", "{{pw("dotnet-cred")}}");
            """, pw("dotnet-cred"));
        yield return Positive(ConfigMaps, "scripts/sync.py", $$"""
            import requests
            r = requests.get("https://api.partner.example/v1/items", auth=("svc-sync", "{{pw("py-auth")}}"))
            """, pw("py-auth"));
        yield return Positive(ConfigMaps, "deploy/setup.ps1", $$"""
            $securePwd = ConvertTo-SecureString "{{pw("ps-secure")}}" -AsPlainText -Force
            """, pw("ps-secure"));

        // Connection strings.
        yield return Positive(ConnectionStrings, "src/main/resources/db.properties", $$"""
            jdbc.url=jdbc:mysql://db.internal:3306/app?user=app&password={{pw("jdbc")}}&useSSL=true
            """, pw("jdbc"));
        yield return Positive(ConnectionStrings, "Api/appsettings.json", $$"""
            {
              "ConnectionStrings": {
                "Default": "Server=db.internal;Database=app;User Id=app;Password={{pw("adonet")}};"
              }
            }
            """, pw("adonet"));
        yield return Positive(ConnectionStrings, "Web/Web.config", $$"""
            <configuration>
              <connectionStrings>
                <add name="Main" connectionString="Data Source=sql01;Initial Catalog=App;User ID=app;Pwd={{pw("webconfig")}}" providerName="System.Data.SqlClient" />
              </connectionStrings>
            </configuration>
            """, pw("webconfig"));

        // Kubernetes Secrets: one finding per Secret, at its first credential value.
        var dataPassword = Fake.Base64(pw("k8s-data"));
        yield return Positive(KubernetesSecrets, "k8s/db-secret.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: db-credentials
            type: Opaque
            data:
              username: {{Fake.Base64("app")}}
              password: {{dataPassword}}
            """, dataPassword);
        yield return Positive(KubernetesSecrets, "k8s/api-secret.yaml", $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: api
            stringData:
              API_TOKEN: {{Fake.Chars("k8s-string", 32)}}
              CLIENT_SECRET: "{{Fake.Chars("k8s-client", 40)}}"
            """, Fake.Chars("k8s-string", 32));
        var dockerAuth = Fake.Base64("{\"auths\":{\"registry.example.com\":{\"auth\":\"" + Fake.Base64("ci:" + pw("k8s-docker")) + "\"}}}");
        yield return Positive(KubernetesSecrets, "k8s/registry.json", $$"""
            {
              "apiVersion": "v1",
              "kind": "Secret",
              "metadata": { "name": "registry" },
              "type": "kubernetes.io/dockerconfigjson",
              "data": {
                ".dockerconfigjson": "{{dockerAuth}}"
              }
            }
            """, dockerAuth);

        // Credential files, recognised by their shape.
        yield return Positive(CredentialFiles, "home/.npmrc", $$"""
            registry=https://registry.npmjs.org/
            //registry.npmjs.org/:_authToken=npm_{{Fake.Chars("npm", 36)}}
            """, "npm_" + Fake.Chars("npm", 36));
        yield return Positive(CredentialFiles, "home/.pypirc", $$"""
            [distutils]
            index-servers = internal
            [internal]
            repository = https://pypi.internal.example/
            username = deploy
            password = {{pw("pypirc")}}
            """, pw("pypirc"));
        yield return Positive(CredentialFiles, "home/.netrc", $$"""
            machine git.internal.example
              login deploy
              password {{pw("netrc")}}
            """, pw("netrc"));
        yield return Positive(CredentialFiles, "home/.git-credentials", $$"""
            https://deploy:{{Fake.Chars("gitcred", 24)}}@git.internal.example
            """, Fake.Chars("gitcred", 24));
        var registryAuth = Fake.Base64("ci:" + pw("docker-config"));
        yield return Positive(CredentialFiles, "home/.docker/config.json", $$"""
            {
              "auths": {
                "registry.example.com": {
                  "auth": "{{registryAuth}}"
                }
              }
            }
            """, registryAuth);
        var awsKeyId = "AKIA" + Fake.Chars("aws-id", 16, Fake.Upper32);
        var awsSecret = Fake.Chars("aws-secret", 40, Fake.Base64Chars);
        yield return Positive(CredentialFiles, "home/.aws/credentials", $$"""
            [default]
            aws_access_key_id = {{awsKeyId}}
            aws_secret_access_key = {{awsSecret}}
            region = eu-west-1
            """, awsKeyId, awsSecret);
        var clientKey = Fake.Base64(Fake.Pem("RSA PRIVATE KEY", "kubeconfig-key"));
        var kubeToken = Fake.Chars("kube-token", 40);
        yield return Positive(CredentialFiles, "home/.kube/config", $$"""
            apiVersion: v1
            kind: Config
            users:
              - name: admin
                user:
                  client-key-data: {{clientKey}}
              - name: ci
                user:
                  token: {{kubeToken}}
            """, clientKey, kubeToken);
        var bcrypt = "$2y$10$" + Fake.Chars("bcrypt", 53, Fake.Crypt);
        var apr1 = "$apr1$" + Fake.Chars("apr-salt", 8, Fake.Crypt) + "$" + Fake.Chars("apr", 22, Fake.Crypt);
        yield return Positive(CredentialFiles, "nginx/.htpasswd", $$"""
            admin:{{bcrypt}}
            deploy:{{apr1}}
            """, bcrypt, apr1);
        var sha512 = "$6$" + Fake.Chars("shadow-salt", 16, Fake.Crypt) + "$" + Fake.Chars("shadow", 86, Fake.Crypt);
        var md5 = "$1$" + Fake.Chars("md5-salt", 8, Fake.Crypt) + "$" + Fake.Chars("md5", 22, Fake.Crypt);
        yield return Positive(CredentialFiles, "etc/shadow", $$"""
            root:{{sha512}}:19700:0:99999:7:::
            daemon:*:19700:0:99999:7:::
            app:{{md5}}:19700:0:99999:7:::
            nobody:!:19700:0:99999:7:::
            """, sha512, md5);
        var authKey = Fake.Chars("wp-auth", 64, Fake.PasswordChars + "@^()[]{}<>|");
        yield return Positive(CredentialFiles, "wordpress/wp-config.php", $$"""
            <?php
            define( 'DB_NAME', 'wordpress' );
            define( 'DB_USER', 'wp' );
            define( 'DB_PASSWORD', '{{pw("wp")}}' );
            define( 'AUTH_KEY',         '{{authKey}}' );
            """, pw("wp"), authKey);
        var jenkinsSecret = "{AQAAABAAAAAQ" + Fake.Chars("jenkins", 40, Fake.Base64Chars) + "=}";
        yield return Positive(CredentialFiles, "jenkins/credentials.xml", $$"""
            <?xml version='1.1' encoding='UTF-8'?>
            <com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@2.6.1">
              <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">
                <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
                  <scope>GLOBAL</scope>
                  <id>deploy</id>
                  <username>deploy</username>
                  <password>{{jenkinsSecret}}</password>
                </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>
              </domainCredentialsMap>
            </com.cloudbees.plugins.credentials.SystemCredentialsProvider>
            """, jenkinsSecret);
        yield return Positive(CredentialFiles, "home/.ssh/id_ed25519", Fake.Pem("OPENSSH PRIVATE KEY", "openssh", 7) + "\n", "-----BEGIN OPENSSH");
        yield return Positive(CredentialFiles, "certs/server.key", Fake.Pem("RSA PRIVATE KEY", "rsa-enc", 15, "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC," + Fake.Chars("iv", 32, "0123456789ABCDEF") + "\n\n") + "\n", "-----BEGIN RSA");
        yield return Positive(CredentialFiles, "certs/client.pem", Fake.Pem("CERTIFICATE", "client-cert", 6) + "\n" + Fake.Pem("ENCRYPTED PRIVATE KEY", "pkcs8-enc", 10) + "\n", "-----BEGIN ENCRYPTED");
        yield return Positive(CredentialFiles, "keys/release.asc", Fake.Pem("PGP PRIVATE KEY BLOCK", "pgp", 12, "Version: GnuPG v2\n\n") + "\n", "-----BEGIN PGP");
        yield return Positive(CredentialFiles, "keys/deploy.ppk", $$"""
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: aes256-cbc
            Comment: deploy@build
            Public-Lines: 2
            {{Fake.Chars("putty-pub", 64, Fake.Base64Chars)}}
            {{Fake.Chars("putty-pub2", 40, Fake.Base64Chars)}}
            Key-Derivation: Argon2id
            Private-Lines: 1
            {{Fake.Chars("putty-priv", 64, Fake.Base64Chars)}}
            Private-MAC: {{Fake.Chars("putty-mac", 64, Fake.Hex)}}
            """, "PuTTY-User-Key-File-3");
        yield return PositiveFile(CredentialFiles, "certs/client.p12", [0x30, 0x82, 0x0a, 0x41, 0x02, 0x01, 0x03, 0x30, 0x82, 0x0a, 0x07, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x82, 0, 0, .. Fake.Bytes("p12", 400)]);

        // Credentials in URLs, whatever the scheme.
        yield return Positive(UrlCredentials, "conf/urls.env", $$"""
            DATABASE_URL=postgres://app:{{pw("url-pg")}}@db.internal:5432/app
            BROKER_URL=amqp://worker:{{pw("url-amqp")}}@rabbit.internal:5672/
            CACHE_URL=redis://:{{pw("url-redis")}}@cache.internal:6379/0
            ARTIFACTS=https://ci:{{pw("url-https")}}@artifacts.internal.example/repo
            """, pw("url-pg"), pw("url-amqp"), pw("url-redis"), pw("url-https"));
        yield return Positive(UrlCredentials, "conf/brokers.yaml", $$"""
            mongo: mongodb+srv://app:{{pw("url-mongo")}}@cluster0.internal.example/app
            mqtt: mqtt://device:{{pw("url-mqtt")}}@broker.internal:1883
            nats: nats://svc:{{pw("url-nats")}}@nats.internal:4222
            """, pw("url-mongo"), pw("url-mqtt"), pw("url-nats"));
    }
}
