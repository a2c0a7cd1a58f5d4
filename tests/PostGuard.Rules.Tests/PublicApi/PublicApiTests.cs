using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace PostGuard.Rules.Tests.PublicApi;

/// <summary>
/// The public surface of PostGuard.Core and PostGuard.Rules, dumped by reflection and compared with the committed
/// <c>PublicApi/&lt;assembly&gt;.txt</c>, so every API change is a deliberate, reviewed diff.
/// </summary>
public class PublicApiTests
{
    private static readonly Assembly[] s_assemblies = [typeof(PostGuardEngine).Assembly, typeof(PostGuardEngineBuilder).Assembly];

    private static IEnumerable<Assembly> Assemblies() => s_assemblies;

    [TestCaseSource(nameof(Assemblies))]
    public void PublicApi_Assembly_MatchesTheCommittedSnapshot(Assembly assembly)
    {
        string name = assembly.GetName().Name!;
        string folder = Path.Combine(RepositoryRoot(), "tests", "PostGuard.Rules.Tests", "PublicApi");
        string approvedPath = Path.Combine(folder, name + ".txt");
        string receivedPath = Path.Combine(folder, name + ".received.txt");
        string actual = PublicApiDump.Of(assembly);
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        if (Environment.GetEnvironmentVariable("POSTGUARD_ACCEPT_API") == "1")
        {
            File.Copy(receivedPath, approvedPath, overwrite: true);
            File.Delete(receivedPath);
            Assert.Warn($"Accepted the new public API of {name} into {approvedPath}.");
            return;
        }

        Assert.Fail($"""
            The public API of {name} changed. Differences (- committed, + now):
            {Diff(approved, actual)}
            If the change is deliberate, accept it and commit the file:
              cp {receivedPath} {approvedPath}
            or run: POSTGUARD_ACCEPT_API=1 dotnet test tests/PostGuard.Rules.Tests --filter PublicApi
            """);
    }

    [TestCaseSource(nameof(Assemblies))]
    public void PublicTypes_InternalNamespaces_NoneExceptTheEngine(Assembly assembly)
    {
        string[] internalNamespaces = ["PostGuard.Text", "PostGuard.Engine", "PostGuard.Moderation", "PostGuard.Rules.Loading"];

        var offenders = assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && internalNamespaces.Any(i => ns == i || ns.StartsWith(i + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty("the engine's internals stay internal; PostGuardEngine itself lives in the root namespace");
        typeof(PostGuardEngine).Namespace.Should().Be("PostGuard");
    }

    [Test]
    public void PostGuardOptions_EveryProperty_DocumentsItsDefault()
    {
        string xml = File.ReadAllText(Path.ChangeExtension(typeof(PostGuardOptions).Assembly.Location, ".xml"));
        var doc = System.Xml.Linq.XDocument.Parse(xml);

        var undocumented = typeof(PostGuardOptions).GetProperties()
            .Where(p => doc.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == $"P:{p.DeclaringType!.FullName}.{p.Name}") is not { } member
                || !member.Value.Contains("Default", StringComparison.Ordinal))
            .Select(p => p.Name);

        undocumented.Should().BeEmpty();
    }

    private static string Diff(string expected, string actual)
    {
        var before = expected.Split('\n');
        var after = actual.Split('\n');
        var removed = before.Except(after).Select(l => "- " + l);
        var added = after.Except(before).Select(l => "+ " + l);
        return string.Join('\n', removed.Concat(added));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PostGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PostGuard.sln not found");
    }
}

/// <summary>A stable text form of an assembly's public and protected surface: one line per type and per member.</summary>
internal static class PublicApiDump
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Header(type)).Append('\n');
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                sb.Append("    ").Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Header(Type type)
    {
        string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : "class";
        var modifiers = new List<string> { "public" };
        if (type is { IsClass: true, IsAbstract: true, IsSealed: true })
        {
            modifiers.Add("static");
        }
        else if (type is { IsClass: true, IsSealed: true } && kind == "class")
        {
            modifiers.Add("sealed");
        }
        else if (type is { IsClass: true, IsAbstract: true })
        {
            modifiers.Add("abstract");
        }

        if (type.GetMethod("<Clone>$") is not null)
        {
            modifiers.Add("record");
        }

        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => type.BaseType?.GetInterfaces().Contains(i) != true).Select(Name).Order(StringComparer.Ordinal));
        return $"{string.Join(' ', modifiers)} {kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var member in type.GetMembers(All))
        {
            if (!IsVisible(member))
            {
                continue;
            }

            switch (member)
            {
                case ConstructorInfo c:
                    yield return $"{Access(c)}{(c.IsStatic ? "static " : string.Empty)}ctor({Parameters(c)})";
                    break;
                case MethodInfo m when !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal):
                    yield return $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType)} {m.Name}{GenericArguments(m)}({Parameters(m)})";
                    break;
                case PropertyInfo p:
                    var accessor = p.GetMethod ?? p.SetMethod!;
                    string accessors = (p.GetMethod is { } g && IsVisible(g) ? "get; " : string.Empty)
                        + (p.SetMethod is { } s && IsVisible(s) ? (s.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init; " : "set; ") : string.Empty);
                    yield return $"{Access(accessor)}{Modifiers(accessor)}{Name(p.PropertyType)} {p.Name} {{ {accessors}}}";
                    break;
                case FieldInfo f:
                    yield return $"{Access(f)}{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(f.FieldType)} {f.Name}";
                    break;
                case EventInfo e:
                    yield return $"{Access(e.AddMethod!)}event {Name(e.EventHandlerType!)} {e.Name}";
                    break;
                case Type:
                    break; // nested types are listed as types
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => new[] { p.GetMethod, p.SetMethod }.Any(a => a is not null && IsVisible(a)),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    private static string Access(MemberInfo member) => member switch
    {
        MethodBase m when m.IsPublic => "public ",
        FieldInfo f when f.IsPublic => "public ",
        _ => "protected ",
    };

    private static string Modifiers(MethodInfo m)
    {
        if (m.IsStatic)
        {
            return "static ";
        }

        if (m.IsAbstract && !m.DeclaringType!.IsInterface)
        {
            return "abstract ";
        }

        if (m.IsVirtual && !m.IsFinal && !m.DeclaringType!.IsInterface)
        {
            return m.GetBaseDefinition() != m ? "override " : "virtual ";
        }

        return m.GetBaseDefinition() != m ? "override " : string.Empty;
    }

    private static string GenericArguments(MethodInfo m)
        => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
    {
        string prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : string.Empty;
        string value = p.HasDefaultValue ? " = " + (p.DefaultValue switch { null when p.ParameterType.IsValueType => "default", null => "null", string s => $"\"{s}\"", bool b => b ? "true" : "false", var v => v.ToString() }) : string.Empty;
        return $"{prefix}{Name(p.ParameterType)} {p.Name}{value}";
    }));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : (type.Namespace is { } ns ? ns + "." : string.Empty) + type.Name;
        if (type.IsGenericType)
        {
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0)
            {
                name = name[..tick];
            }

            name += "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
