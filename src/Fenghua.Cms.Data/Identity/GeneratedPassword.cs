using System.Security.Cryptography;

namespace Fenghua.Cms.Data.Identity;

/// <summary>A random initial password that always satisfies the password rules (length, a digit, a lower-case letter).</summary>
public static class GeneratedPassword
{
    // No 0/O, 1/l/I: the password is read off a screen and typed by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New()
    {
        while (true)
        {
            // About one draw in twelve has no digit; Identity would refuse it, so draw again.
            var password = "Fh-" + RandomNumberGenerator.GetString(Alphabet, 16);
            if (password.Any(char.IsAsciiDigit) && password.Skip(3).Any(char.IsAsciiLetterLower)) return password;
        }
    }
}
