using System.Text;
using PostGuard.Rules.Consent;

namespace PostGuard.Cli.Bench;

/// <summary>
/// Fictional consent registers of any size for benchmarks: realistic UK forenames and surnames combined
/// deterministically (the same size always gives the same register), with consent flags in realistic proportions.
/// </summary>
internal static class RegisterGenerator
{
    /// <summary>Popular forenames of children in England and Wales (ONS baby-name lists, 2010s).</summary>
    internal static readonly string[] Forenames =
    [
        "Oliver", "Jack", "Harry", "Jacob", "Charlie", "Thomas", "George", "Oscar", "James", "William",
        "Noah", "Alfie", "Joshua", "Muhammad", "Henry", "Leo", "Archie", "Ethan", "Joseph", "Freddie",
        "Samuel", "Alexander", "Logan", "Daniel", "Isaac", "Max", "Mohammed", "Benjamin", "Mason", "Lucas",
        "Edward", "Harrison", "Jake", "Dylan", "Riley", "Finley", "Theo", "Sebastian", "Adam", "Zachary",
        "Arthur", "Toby", "Jayden", "Luke", "Harley", "Lewis", "Tyler", "Harvey", "Matthew", "David",
        "Reuben", "Michael", "Elijah", "Kian", "Tommy", "Mohammad", "Jenson", "Jaxon", "Rory", "Ryan",
        "Amelia", "Olivia", "Isla", "Emily", "Poppy", "Ava", "Isabella", "Jessica", "Lily", "Sophie",
        "Grace", "Sophia", "Mia", "Evie", "Ruby", "Ella", "Scarlett", "Isabelle", "Chloe", "Sienna",
        "Freya", "Phoebe", "Charlotte", "Daisy", "Alice", "Florence", "Eva", "Sofia", "Millie", "Lucy",
        "Evelyn", "Elsie", "Rosie", "Imogen", "Lola", "Matilda", "Elizabeth", "Layla", "Holly", "Lilly",
        "Molly", "Erin", "Ellie", "Maisie", "Maya", "Abigail", "Eliza", "Georgia", "Jasmine", "Esme",
        "Willow", "Bella", "Annabelle", "Ivy", "Amber", "Emilia", "Emma", "Summer", "Hannah", "Eleanor",
        "Zoë", "Aoife", "Siobhan", "Niamh", "Rhys", "Dafydd", "Seren", "Callum", "Ewan", "Priya",
        "Aisha", "Fatima", "Zainab", "Maryam", "Arjun", "Rohan", "Kai", "Jamal", "Kacper", "Zofia",
    ];

    /// <summary>Common surnames in the UK (ONS and electoral-roll frequency lists), with a few apostrophes and hyphens.</summary>
    internal static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
        "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
        "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
        "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
        "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
        "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
        "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
        "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
        "Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart",
        "O'Brien", "O'Connor", "McDonald", "MacLeod", "Nowak", "Kowalski", "Okafor", "Mensah", "Chowdhury", "Akhtar",
        "Fraser-Reid", "Lloyd-Jones", "Sharma", "Gupta", "Nguyen", "Reid", "Kerr", "Doyle", "Byrne", "Quinn",
    ];

    private static readonly string[] s_yearGroups = ["R", "1", "2", "3", "4", "5", "6"];

    /// <summary>The register CSV (PostGuard's default header) for <paramref name="pupils"/> fictional pupils.</summary>
    public static string Csv(int pupils, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pupils);
        var random = new Random(seed);
        var csv = new StringBuilder(pupils * 48 + 96);
        csv.Append("upn,forename,preferred_name,surname,year_group,name_consent,photo_consent,do_not_publish\n");
        for (int i = 0; i < pupils; i++)
        {
            string forename = Forenames[random.Next(Forenames.Length)];
            string surname = Surnames[random.Next(Surnames.Length)];
            // about one pupil in twelve goes by a preferred name (another popular forename)
            string preferred = random.Next(12) == 0 ? Forenames[random.Next(Forenames.Length)] : string.Empty;
            bool name = random.Next(100) < 88;
            bool photo = name && random.Next(100) < 90;
            bool doNotPublish = random.Next(100) < 2;
            csv.Append('B').Append((900_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(forename).Append(',').Append(preferred).Append(',')
                .Append(surname.Contains('\'') ? $"\"{surname}\"" : surname).Append(',')
                .Append(s_yearGroups[random.Next(s_yearGroups.Length)]).Append(',')
                .Append(name ? "yes" : "no").Append(',').Append(photo ? "yes" : "no").Append(',').Append(doNotPublish ? "yes" : "no").Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A parsed register of <paramref name="pupils"/> fictional pupils.</summary>
    public static ConsentRegister Create(int pupils, int seed = 2026) => ConsentRegister.Parse(Csv(pupils, seed), $"generated-{pupils}.csv");
}
