//! Making a file or folder readable by its owner only: the database, its backups and the files that hold nurses'
//! names and salaries.
//!
//! On Linux and macOS that is mode 0600 for a file and 0700 for a folder (where Hojo creates a file it passes
//! the mode at creation, so there is never a moment it is readable by others; this function is for files that
//! already exist). Windows has no modes: a file's access is its ACL, which a new file inherits from its folder.
//! Inside the user's profile (`%APPDATA%\Hojo`, the default) that already means the user, SYSTEM and the
//! Administrators, but a database put on a shared folder would inherit "everyone may read". So on Windows the
//! file gets its own protected ACL (inheriting nothing): full control for the user Hojo runs as, SYSTEM and
//! Administrators — the same people as a profile folder, and as 0600 with root on Linux. A folder's entries are
//! marked to be inherited, so what SQLite creates inside it later (its -wal and -shm files) is private too.
//! Call it on a new, still empty file, before any personal data is written into it.

use std::path::Path;

/// Leaves `path` (a file or a folder) accessible to its owner only; see the module's comment for what that
/// means on each system.
pub fn restrict_to_owner(path: &Path) -> std::io::Result<()> {
    imp::restrict_to_owner(path)
}

/// The access a file grants, as an SDDL string (`D:P(A;;FA;;;S-1-5-21-…)…`), and the SID of the user Hojo runs
/// as (`S-1-5-21-…`): for the tests that check an ACL.
#[cfg(windows)]
pub use imp::{access_description, current_user_sid};

/// Everyone an ACL lets in (the trustee of each allow entry: a SID, or an alias such as `SY` or `BA`), for tests.
/// A real Windows shows the entries as set; Wine keeps only what Unix modes can hold (owner and everyone).
#[cfg(windows)]
pub fn who_has_access(path: &Path) -> std::io::Result<Vec<String>> {
    let sddl = access_description(path)?;
    let entries = sddl.split('(').skip(1).map(|entry| entry.trim_end_matches(')'));
    Ok(entries
        .filter(|entry| entry.starts_with("A;"))
        .filter_map(|entry| entry.rsplit(';').next())
        .map(String::from)
        .collect())
}

#[cfg(unix)]
mod imp {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    pub fn restrict_to_owner(path: &Path) -> std::io::Result<()> {
        let mode = if std::fs::metadata(path)?.is_dir() { 0o700 } else { 0o600 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
}

#[cfg(windows)]
mod imp {
    use std::ffi::OsStr;
    use std::io::{Error, Result};
    use std::os::windows::ffi::OsStrExt;
    use std::os::windows::fs::OpenOptionsExt;
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;
    use std::ptr::null_mut;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE, LocalFree};
    use windows_sys::Win32::Security::Authorization::{
        ConvertSecurityDescriptorToStringSecurityDescriptorW, ConvertSidToStringSidW,
        ConvertStringSecurityDescriptorToSecurityDescriptorW, GetNamedSecurityInfoW, SDDL_REVISION_1, SE_FILE_OBJECT,
    };
    use windows_sys::Win32::Security::{
        DACL_SECURITY_INFORMATION, GetTokenInformation, PROTECTED_DACL_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR,
        SetKernelObjectSecurity, TOKEN_QUERY, TOKEN_USER, TokenUser,
    };
    use windows_sys::Win32::Storage::FileSystem::{FILE_FLAG_BACKUP_SEMANTICS, READ_CONTROL, WRITE_DAC};
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    fn wide(text: &OsStr) -> Vec<u16> {
        text.encode_wide().chain(Some(0)).collect()
    }

    /// A string Windows allocated (LocalAlloc), copied and freed.
    unsafe fn take_wide(pointer: *mut u16) -> String {
        let mut length = 0;
        // SAFETY: Windows returns a NUL-terminated string.
        while unsafe { *pointer.add(length) } != 0 {
            length += 1;
        }
        let text = String::from_utf16_lossy(unsafe { std::slice::from_raw_parts(pointer, length) });
        unsafe { LocalFree(pointer.cast()) };
        text
    }

    /// The SID of the user this process runs as, as text (`S-1-5-21-…`).
    pub fn current_user_sid() -> Result<String> {
        let mut token: HANDLE = null_mut();
        // SAFETY: plain Win32 calls with out-pointers to locals; the token is closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(Error::last_os_error());
        }
        let mut needed = 0u32;
        unsafe { GetTokenInformation(token, TokenUser, null_mut(), 0, &mut needed) };
        // u64s, so the buffer is aligned for TOKEN_USER.
        let mut buffer = vec![0u64; (needed as usize).div_ceil(8).max(1)];
        let filled = unsafe { GetTokenInformation(token, TokenUser, buffer.as_mut_ptr().cast(), needed, &mut needed) };
        let error = Error::last_os_error();
        unsafe { CloseHandle(token) };
        if filled == 0 {
            return Err(error);
        }
        let user = buffer.as_ptr().cast::<TOKEN_USER>();
        let mut text = null_mut();
        // SAFETY: the SID points into `buffer`, alive here.
        if unsafe { ConvertSidToStringSidW((*user).User.Sid, &mut text) } == 0 {
            return Err(Error::last_os_error());
        }
        Ok(unsafe { take_wide(text) })
    }

    pub fn restrict_to_owner(path: &Path) -> Result<()> {
        // FA: full access; OICI: inherited by a folder's files and subfolders; P: protected (nothing inherited
        // from the folder above).
        let folder = std::fs::metadata(path)?.is_dir();
        let inherit = if folder { "OICI" } else { "" };
        let user = current_user_sid()?;
        let sddl = format!("D:P(A;{inherit};FA;;;{user})(A;{inherit};FA;;;SY)(A;{inherit};FA;;;BA)");
        let mut descriptor: PSECURITY_DESCRIPTOR = null_mut();
        let sddl = wide(OsStr::new(&sddl));
        // SAFETY: the SDDL string is NUL-terminated; the descriptor is freed below.
        if unsafe {
            ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl.as_ptr(),
                SDDL_REVISION_1,
                &mut descriptor,
                null_mut(),
            )
        } == 0
        {
            return Err(Error::last_os_error());
        }
        // Set on a handle opened for it (a folder needs backup semantics to be opened at all). Not through
        // SetNamedSecurityInfoW: Wine, which runs the Windows tests, answers it with success and changes nothing.
        let opened = std::fs::OpenOptions::new()
            .access_mode(WRITE_DAC | READ_CONTROL)
            .custom_flags(if folder { FILE_FLAG_BACKUP_SEMANTICS } else { 0 })
            .open(path);
        let result = opened.and_then(|file| {
            // SAFETY: a valid handle and a valid self-relative descriptor.
            let set = unsafe {
                SetKernelObjectSecurity(
                    file.as_raw_handle(),
                    DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                    descriptor,
                )
            };
            if set == 0 { Err(Error::last_os_error()) } else { Ok(()) }
        });
        unsafe { LocalFree(descriptor.cast()) };
        result
    }

    pub fn access_description(path: &Path) -> Result<String> {
        let name = wide(path.as_os_str());
        let mut descriptor: PSECURITY_DESCRIPTOR = null_mut();
        // SAFETY: out-pointers to locals; the descriptor is freed below.
        let status = unsafe {
            GetNamedSecurityInfoW(
                name.as_ptr(),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION,
                null_mut(),
                null_mut(),
                null_mut(),
                null_mut(),
                &mut descriptor,
            )
        };
        if status != 0 {
            return Err(Error::from_raw_os_error(status as i32));
        }
        let mut text = null_mut();
        let converted = unsafe {
            ConvertSecurityDescriptorToStringSecurityDescriptorW(
                descriptor,
                SDDL_REVISION_1,
                DACL_SECURITY_INFORMATION,
                &mut text,
                null_mut(),
            )
        };
        let result = if converted == 0 { Err(Error::last_os_error()) } else { Ok(unsafe { take_wide(text) }) };
        unsafe { LocalFree(descriptor.cast()) };
        result
    }
}

#[cfg(test)]
mod tests {
    use super::restrict_to_owner;

    #[cfg(unix)]
    #[test]
    fn a_file_and_a_folder_become_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("hojo.sqlite3");
        std::fs::write(&file, b"").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        restrict_to_owner(&file).unwrap();
        restrict_to_owner(folder.path()).unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(folder.path()).unwrap().permissions().mode() & 0o777, 0o700);
    }

    #[cfg(windows)]
    #[test]
    fn a_file_and_a_folder_let_in_only_the_user_system_and_administrators() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("hojo.sqlite3");
        std::fs::write(&file, b"").unwrap();
        restrict_to_owner(&file).unwrap();
        restrict_to_owner(folder.path()).unwrap();
        for path in [file.as_path(), folder.path()] {
            let people = super::who_has_access(path).unwrap();
            let user = super::current_user_sid().unwrap();
            assert!(people.iter().all(|who| [user.as_str(), "SY", "BA"].contains(&who.as_str())), "{people:?}");
            assert!(people.contains(&user), "{people:?}");
        }
    }

    #[test]
    fn a_missing_file_is_an_error() {
        assert!(restrict_to_owner(std::path::Path::new("no such folder/hojo.sqlite3")).is_err());
    }
}
