using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Ecs
{
    /// <summary>
    /// Text that only stands for a value filled in later: CloudFormation's <c>${…}</c> and <c>{{resolve:…}}</c>,
    /// template engines' <c>{{ … }}</c> (ecspresso, mustache), shell-style <c>$NAME</c>, and <c>&lt;…&gt;</c>
    /// documentation placeholders. Such text is unknown: never a violation by itself.
    /// </summary>
    public static class TemplateText
    {
        private static readonly Regex ShellVariable = new Regex(@"^\$[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex AngleBracketed = new Regex(@"^<[^<>]+>$", RegexOptions.CultureInvariant);

        public static bool HasPlaceholder(string text)
            => text.IndexOf("${", StringComparison.Ordinal) >= 0
            || text.IndexOf("{{", StringComparison.Ordinal) >= 0
            || ShellVariable.IsMatch(text)
            || AngleBracketed.IsMatch(text.Trim());
    }

    /// <summary>
    /// Environment variable names that say their value is a secret: password, passwd, secret, token, API key,
    /// private key, credentials, access key, auth…, in any casing and separator style (<c>DB_PASSWORD</c>,
    /// <c>dbPassword</c>, <c>db-password</c>, <c>DBPASSWORD</c>), unless the name says the value is about the
    /// secret rather than the secret itself (<c>PASSWORD_MIN_LENGTH</c>, <c>TOKEN_TTL_SECONDS</c>,
    /// <c>SECRET_NAME</c>, <c>DB_SECRET_ARN</c>, <c>API_KEY_PARAMETER</c>, <c>TOKEN_URL</c>).
    /// </summary>
    public static class SecretNames
    {
        /// <summary>Words that name a secret, alone or as the end of a run-together word (<c>dbpassword</c>, <c>authtoken</c>).</summary>
        private static readonly string[] SecretNouns =
        {
            "password", "passwd", "passphrase", "secret", "token", "credential", "credentials", "apikey", "privatekey",
            "accesskey", "secretkey", "signingkey", "encryptionkey", "masterkey", "licensekey", "authkey",
        };

        /// <summary>Secret nouns that count only as a whole word (<c>DB_PASS</c>, <c>MYSQL_PWD</c>), never inside another.</summary>
        private static readonly HashSet<string> WholeWordNouns = new HashSet<string>(StringComparer.Ordinal)
        {
            "pass", "pwd", "creds", "secrets", "tokens", "passwords",
        };

        /// <summary>Run-together words that end like a secret noun but are not one.</summary>
        private static readonly HashSet<string> NotSecretWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "secretsmanager", "tokenizer", "tokenize", "tokenized", "nosecret", "bypass", "compass", "overpass", "underpass",
        };

        /// <summary>Words that, two in a row, name a key that is a secret (<c>API_KEY</c>, <c>ACCESS_KEY</c>).</summary>
        private static readonly HashSet<string> KeyQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "api", "access", "private", "secret", "signing", "encryption", "master", "license", "auth", "hmac", "jwt",
            "session", "cookie", "webhook", "shared", "aes", "crypto",
        };

        /// <summary>
        /// Last words that make the variable about a secret, not the secret: its name, ARN or parameter, its
        /// location, a length or lifetime, a switch, a kind.
        /// </summary>
        private static readonly HashSet<string> Qualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "names", "arn", "arns", "id", "ids", "param", "parameter", "parameters", "ref", "reference",
            "path", "paths", "file", "files", "dir", "directory", "location", "url", "uri", "endpoint", "host", "hostname",
            "port", "region", "bucket", "prefix", "suffix", "length", "len", "size", "min", "max", "minimum", "maximum",
            "ttl", "seconds", "secs", "sec", "minutes", "mins", "hours", "days", "ms", "millis", "timeout", "expiry",
            "expiration", "expires", "expire", "lifetime", "duration", "age", "interval", "rotation", "count", "limit", "retries",
            "attempts", "enabled", "enable", "disabled", "disable", "required", "require", "optional", "policy", "policies",
            "type", "mode", "method", "provider", "strategy", "format", "algorithm", "alg", "version", "header", "headers",
            "field", "label", "issuer", "audience", "scope", "scopes", "realm", "domain", "server", "service", "store",
            "manager", "source", "backend", "engine", "user", "username", "login", "email", "hash", "hashed", "digest",
            "complexity", "strength", "regex", "pattern", "rules", "validation", "reset", "hint", "env", "var", "variable",
            "arg", "cookie", "query", "table", "collection", "queue", "topic", "stream", "cache", "exporter",
        };

        /// <summary>True when the variable name says its value is a secret.</summary>
        public static bool IsSecretLike(string name)
        {
            var words = Words(name);
            if (words.Count == 0) return false;

            // ACCESS_KEY_ID is half of an AWS credential pair: keep it although "id" names most things.
            bool accessKeyId = words.Count >= 3 && words[words.Count - 1] == "id" && words[words.Count - 2] == "key" && words[words.Count - 3] == "access";
            if (!accessKeyId && Qualifiers.Contains(words[words.Count - 1])) return false;

            for (int i = 0; i < words.Count; i++)
            {
                string word = words[i];
                if (NotSecretWords.Contains(word)) continue;
                if (WholeWordNouns.Contains(word)) return true;
                foreach (string noun in SecretNouns)
                    if (word.EndsWith(noun, StringComparison.Ordinal) || (word.StartsWith(noun, StringComparison.Ordinal) && word.Length == noun.Length + 1 && word[word.Length - 1] == 's'))
                        return true;
                if (word == "key" && i > 0 && KeyQualifiers.Contains(words[i - 1])) return true;
                // "auth" alone is too broad (AUTH_URL, AUTH_ENABLED): only as the last word (BASIC_AUTH) or before "string".
                if ((word == "auth" || word == "authorization") && (i == words.Count - 1 || words[i + 1] == "string")) return true;
            }
            return false;
        }

        /// <summary>
        /// Lower-case words of a name: split at separators (<c>_ - . / space</c>) and at camelCase humps
        /// (<c>dbPassword</c> → db, password; <c>APIKey</c> → api, key).
        /// </summary>
        public static List<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0) words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush();
                    continue;
                }
                if (current.Length > 0 && char.IsUpper(c))
                {
                    char previous = name[i - 1];
                    bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower)) Flush();
                }
                current.Append(c);
            }
            Flush();
            return words;
        }
    }

    /// <summary>
    /// Values that are secrets whatever the variable is called (an AWS access key, a PEM private key, a URL with
    /// a password, a well-known token format), and values that cannot be the secret a name promises (numbers,
    /// booleans, ARNs, SSM parameter names and paths, URLs without a password, placeholders).
    /// </summary>
    public static class SecretValues
    {
        private static readonly (Regex Pattern, string Description)[] KnownFormats =
        {
            (new Regex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant), "a PEM private key"),
            (new Regex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])", RegexOptions.CultureInvariant), "an AWS access key ID"),
            (new Regex(@"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}", RegexOptions.CultureInvariant), "a GitHub token"),
            (new Regex(@"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}", RegexOptions.CultureInvariant), "a GitHub token"),
            (new Regex(@"(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant), "a GitLab token"),
            (new Regex(@"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}", RegexOptions.CultureInvariant), "a Slack token"),
            (new Regex(@"https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}", RegexOptions.CultureInvariant), "a Slack webhook URL"),
            (new Regex(@"(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}", RegexOptions.CultureInvariant), "a Stripe secret key"),
            (new Regex(@"(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant), "a Google API key"),
            (new Regex(@"(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant), "a SendGrid API key"),
            (new Regex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", RegexOptions.CultureInvariant), "an npm token"),
            (new Regex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", RegexOptions.CultureInvariant), "a JSON Web Token"),
            (new Regex(@"^(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}$", RegexOptions.CultureInvariant), "an HTTP authorization header"),
        };

        /// <summary>An AWS secret access key: 40 characters of base64 with both cases, a digit and a '/' or '+'.</summary>
        private static readonly Regex AwsSecretKey = new Regex(@"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant);

        /// <summary><c>scheme://user:password@host</c>.</summary>
        private static readonly Regex UrlWithPassword = new Regex(@"^[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*:([^/\s@]+)@[^\s]", RegexOptions.CultureInvariant);

        /// <summary><c>Server=db;User Id=app;Password=…;</c> connection strings and <c>?user=app&amp;password=…</c> queries.</summary>
        private static readonly Regex ConnectionStringPassword = new Regex(@"(?:^|[;?&])\s*(?:password|pwd)\s*=\s*([^;&]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex Url = new Regex(@"^[A-Za-z][A-Za-z0-9+.-]*://", RegexOptions.CultureInvariant);

        /// <summary>An SSM parameter name or path, a Secrets Manager secret name: <c>/app/prod/db_password</c>.</summary>
        private static readonly Regex ParameterPath = new Regex(@"^/[A-Za-z0-9_.\-/]+$", RegexOptions.CultureInvariant);

        /// <summary>A name built from lower-case words, such as the name of a secret (<c>prod-db-password</c>).</summary>
        private static readonly Regex SeparatedLowerWords = new Regex(@"^[a-z0-9]+(?:[-_./][a-z0-9]+)+$", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> NotValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null", "nil", "undefined", "n/a", "na", "-",
        };

        /// <summary>What a value is when it is a secret whatever its name ("an AWS access key ID"), or null.</summary>
        public static string? KnownSecretFormat(string value)
        {
            if (TemplateText.HasPlaceholder(value)) return null;
            foreach (var (pattern, description) in KnownFormats)
                if (pattern.IsMatch(value)) return description;
            if (IsAwsSecretKey(value)) return "an AWS secret access key";
            var url = UrlWithPassword.Match(value);
            if (url.Success && IsRealPassword(url.Groups[1].Value)) return "a URL with a password";
            var connection = ConnectionStringPassword.Match(value);
            if (connection.Success && IsRealPassword(connection.Groups[1].Value.Trim())) return "a connection string with a password";
            return null;
        }

        /// <summary>
        /// True when a value under a secret-like name may be the secret: not empty, not a placeholder, not a
        /// number or boolean, not an ARN, an SSM parameter path or a secret's name, not a URL without a password.
        /// </summary>
        public static bool MayBeSecret(string value)
        {
            string v = value.Trim();
            if (v.Length == 0 || TemplateText.HasPlaceholder(v) || NotValues.Contains(v)) return false;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
            if (IsNumberWithUnit(v)) return false;
            if (v.StartsWith("arn:", StringComparison.Ordinal)) return false;
            if (ParameterPath.IsMatch(v)) return false;
            if (Url.IsMatch(v)) return false;
            if (IsFiller(v)) return false;
            // "prod/db-password" or "app.db.secret": the name of a parameter or secret, not its value.
            if (SeparatedLowerWords.IsMatch(v) && NamesASecret(v)) return false;
            return true;
        }

        private static bool NamesASecret(string v)
        {
            if (v.IndexOf('/') >= 0) return true;
            foreach (var word in SecretNames.Words(v))
                if (word == "password" || word == "secret" || word == "token" || word == "key" || word == "credentials" || word == "param" || word == "parameter")
                    return true;
            return false;
        }

        /// <summary><c>30s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>, <c>512MB</c>: a duration or size, not a secret.</summary>
        private static bool IsNumberWithUnit(string v)
            // Most values do not start with a digit (\d is any Unicode decimal digit, as char.IsDigit): no regular expression for them.
            => v.Length > 0 && char.IsDigit(v[0]) && Regex.IsMatch(v, @"^\d+(?:\.\d+)?\s?(?:ms|s|m|h|d|w|y|sec|secs|min|mins|hours|days|kb|mb|gb|k|b)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Masked or filler text: <c>****</c>, <c>xxxxxxxx</c>, <c>...</c>.</summary>
        private static bool IsFiller(string v)
        {
            char first = char.ToLowerInvariant(v[0]);
            if (first != '*' && first != 'x' && first != '.' && first != '#' && first != '-') return false;
            foreach (char c in v)
                if (char.ToLowerInvariant(c) != first) return false;
            return true;
        }

        private static bool IsRealPassword(string password)
            => password.Length > 0 && !TemplateText.HasPlaceholder(password) && !IsFiller(password);

        private static bool IsAwsSecretKey(string value)
        {
            // A path of the same length and alphabet is not a key.
            if (!AwsSecretKey.IsMatch(value) || value[0] == '/' || value.IndexOf("//", StringComparison.Ordinal) >= 0) return false;
            bool upper = false, lower = false, digit = false, symbol = false;
            foreach (char c in value)
            {
                if (char.IsUpper(c)) upper = true;
                else if (char.IsLower(c)) lower = true;
                else if (char.IsDigit(c)) digit = true;
                else symbol = true;
            }
            return upper && lower && digit && symbol;
        }
    }
}
